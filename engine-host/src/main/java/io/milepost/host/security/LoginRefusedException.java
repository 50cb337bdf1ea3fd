package io.milepost.host.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login attempt refused without a password check because the user failed too often; answered with 429. */
final class LoginRefusedException extends AuthenticationException {

  private final Duration retryAfter;

  LoginRefusedException(String username, Duration retryAfter) {
    super("Too many failed logins for user '" + username + "': try again in " + Math.max(1, retryAfter.toSeconds())
        + " s");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
