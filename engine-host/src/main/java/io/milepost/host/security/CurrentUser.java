package io.milepost.host.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who the current request (REST, page or gRPC call) is from. Pages, controllers and services ask it
 * rather than Spring Security, so they work the same under every authentication method.
 */
@Component
public final class CurrentUser {

  /** The caller, or empty outside an authenticated request (start-up, the engine's own threads). */
  public Optional<MilepostUser> find() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  /**
   * The caller.
   *
   * @throws IllegalStateException outside an authenticated request
   */
  public MilepostUser get() {
    return find().orElseThrow(() -> new IllegalStateException(
        "Expected an authenticated request, but there is no authenticated user on this thread"));
  }

  /** The caller's name for records of who did what; {@code system} outside a request. */
  public String name() {
    return find().map(MilepostUser::username).orElse("system");
  }

  static Optional<MilepostUser> of(Authentication authentication) {
    if (authentication == null) {
      return Optional.empty();
    }
    return switch (authentication.getPrincipal()) {
      case MilepostUser user -> Optional.of(user);
      case MilepostUserDetails details -> Optional.of(details.user());
      case null, default -> Optional.empty();
    };
  }
}
