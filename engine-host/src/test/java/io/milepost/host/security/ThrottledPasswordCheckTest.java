package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A user configured with a bcrypt password, as an operator would: an API client that sends the same basic
 * credentials with every call gets its password hashed once, not once per call; anything else is checked in full.
 */
class ThrottledPasswordCheckTest {

  private static final String BCRYPT_SECRET = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret");

  private final CountingEncoder encoder = new CountingEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
  private final ThrottledPasswordCheck check = new ThrottledPasswordCheck(
      UserDirectory.of(List.of(
          new SecurityProperties.User("ops", BCRYPT_SECRET, List.of("worker"), List.of(), List.of()),
          new SecurityProperties.User("eng", "{bcrypt}" + new BCryptPasswordEncoder().encode("other"),
              List.of("engineer"), List.of(), List.of()))),
      new LoginThrottle(new SecurityProperties.Login(100, 3, Duration.ofMinutes(5)), Clock.systemUTC()), encoder);

  @Test
  void shouldHashAnAcceptedPasswordOnceForRepeatedCalls() {
    Authentication first = check.authenticate(attempt("ops", "s3cret", "10.0.0.1"));
    Authentication second = check.authenticate(attempt("ops", "s3cret", "10.0.0.2"));
    Authentication third = check.authenticate(attempt("ops", "s3cret", "10.0.0.3"));

    assertThat(encoder.checks.get()).isEqualTo(1);
    assertThat(List.of(first, second, third)).allSatisfy(authentication -> {
      assertThat(authentication.isAuthenticated()).isTrue();
      assertThat(CurrentUser.of(authentication)).hasValueSatisfying(user -> {
        assertThat(user.username()).isEqualTo("ops");
        assertThat(user.roles()).containsExactly(Role.WORKER);
      });
    });
    assertThat(third.getDetails()).isEqualTo("10.0.0.3");
  }

  @Test
  void shouldCheckAWrongPasswordInFullAfterTheRightOneWasAccepted() {
    check.authenticate(attempt("ops", "s3cret", "10.0.0.1"));

    assertThatThrownBy(() -> check.authenticate(attempt("ops", "s3cret ", "10.0.0.1")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> check.authenticate(attempt("eng", "s3cret", "10.0.0.1")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(encoder.checks.get()).isEqualTo(3);
  }

  @Test
  void shouldStillRefuseAUserAfterTooManyFailuresEvenWithAPasswordAcceptedBefore() {
    check.authenticate(attempt("ops", "s3cret", "10.0.0.1"));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> check.authenticate(attempt("ops", "guess", "10.6.6.6")))
          .isInstanceOf(BadCredentialsException.class);
    }

    assertThatThrownBy(() -> check.authenticate(attempt("ops", "s3cret", "10.0.0.1")))
        .isInstanceOf(LoginRefusedException.class);
  }

  private static UsernamePasswordAuthenticationToken attempt(String username, String password, String from) {
    UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
        password);
    attempt.setDetails(from);
    return attempt;
  }

  /** The host's own encoder, counting the password checks it runs. */
  private record CountingEncoder(PasswordEncoder encoder, AtomicInteger checks) implements PasswordEncoder {

    CountingEncoder(PasswordEncoder encoder) {
      this(encoder, new AtomicInteger());
    }

    @Override
    public String encode(CharSequence rawPassword) {
      return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
      checks.incrementAndGet();
      return encoder.matches(rawPassword, encodedPassword);
    }
  }
}
