package io.milepost.host.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of basic, form and gRPC logins, behind the {@link LoginThrottle}. A password it accepted
 * before for the same user is accepted again without hashing it again ({@link VerifiedPasswords}); the throttle
 * applies all the same.
 */
final class ThrottledPasswordCheck implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final VerifiedPasswords verified = new VerifiedPasswords();

  ThrottledPasswordCheck(UserDirectory users, LoginThrottle throttle) {
    this(users, throttle, PasswordEncoderFactories.createDelegatingPasswordEncoder());
  }

  ThrottledPasswordCheck(UserDirectory users, LoginThrottle throttle, PasswordEncoder encoder) {
    this.passwords = new DaoAuthenticationProvider(users);
    this.passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName();
    throttle.beforeAttempt(username);
    String password = attempt.getCredentials() instanceof String presented ? presented : null;
    if (password != null) {
      Authentication known = verified.find(username, password).map(previous -> again(previous, attempt)).orElse(null);
      if (known != null) {
        throttle.succeeded(username);
        return known;
      }
    }
    try {
      Authentication authenticated = passwords.authenticate(attempt);
      throttle.succeeded(username);
      if (password != null) {
        verified.accepted(username, password, authenticated);
      }
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

  /** The same user and authorities as the earlier check, with this attempt's details (its remote address). */
  private static Authentication again(Authentication previous, Authentication attempt) {
    UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
        previous.getPrincipal(), null, previous.getAuthorities());
    token.setDetails(attempt.getDetails());
    return token;
  }

  private static String from(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
        : attempt.getDetails() instanceof String address ? address : "an unknown address";
  }
}
