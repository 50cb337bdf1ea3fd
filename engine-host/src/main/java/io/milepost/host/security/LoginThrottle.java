package io.milepost.host.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per username: after {@code slowAfter} failures each attempt waits before its password is
 * checked (doubling, at most 2 s), after {@code refuseAfter} the user is refused outright for
 * {@code refuseFor}, which makes guessing passwords slow without locking a user out for good. A
 * successful login clears the count.
 */
final class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final Duration FIRST_DELAY = Duration.ofMillis(250);
  private static final Duration MAX_DELAY = Duration.ofSeconds(2);
  /** Usernames are the caller's choice: forget old entries before the map grows without bound. */
  private static final int MAX_TRACKED = 10_000;

  private final SecurityProperties.Login settings;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(SecurityProperties.Login settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  private record Failures(int count, Instant last) {}

  /**
   * Waits as long as the user's failures ask for.
   *
   * @throws LoginRefusedException while the user is refused
   */
  void beforeAttempt(String username) {
    Failures seen = failures.get(username);
    if (seen == null) {
      return;
    }
    Instant now = clock.instant();
    if (seen.count() >= settings.refuseAfter()) {
      Instant until = seen.last().plus(settings.refuseFor());
      if (now.isBefore(until)) {
        throw new LoginRefusedException(username, Duration.between(now, until));
      }
      failures.remove(username);
      return;
    }
    if (seen.count() >= settings.slowAfter()) {
      pause(delayAfter(seen.count()));
    }
  }

  void failed(String username, String from) {
    if (failures.size() > MAX_TRACKED) {
      Instant forgetBefore = clock.instant().minus(settings.refuseFor());
      failures.values().removeIf(entry -> entry.last().isBefore(forgetBefore));
    }
    Failures now = failures.merge(username, new Failures(1, clock.instant()),
        (old, first) -> new Failures(old.count() + 1, first.last()));
    if (now.count() >= settings.refuseAfter()) {
      LOG.warn("Login failed for user '{}' from {} ({} failures in a row): refusing this user for {}", username, from,
          now.count(), settings.refuseFor());
    } else {
      LOG.warn("Login failed for user '{}' from {} ({} failures in a row)", username, from, now.count());
    }
  }

  void succeeded(String username) {
    failures.remove(username);
  }

  private Duration delayAfter(int count) {
    int doublings = Math.min(count - settings.slowAfter(), 8);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
