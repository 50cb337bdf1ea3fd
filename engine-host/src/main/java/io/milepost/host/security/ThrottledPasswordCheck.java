package io.milepost.host.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The password check of basic, form and gRPC logins, behind the {@link LoginThrottle}. */
final class ThrottledPasswordCheck implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;

  ThrottledPasswordCheck(UserDirectory users, LoginThrottle throttle) {
    this.passwords = new DaoAuthenticationProvider(users);
    this.passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName();
    throttle.beforeAttempt(username);
    try {
      Authentication authenticated = passwords.authenticate(attempt);
      throttle.succeeded(username);
      return authenticated;
    } catch (BadCredentialsException e) {
      throttle.failed(username, from(attempt));
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String from(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
        : attempt.getDetails() instanceof String address ? address : "an unknown address";
  }
}
