package io.milepost.host.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user's roles as {@code ROLE_ADMIN}-style authorities: Spring Boot's actuator reads them to decide who
 * sees the health details; Milepost's own checks go through {@link MilepostUser#may(Permission)}.
 */
final class RoleAuthorities {

  private RoleAuthorities() {}

  static List<GrantedAuthority> of(MilepostUser user) {
    return user.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
        .toList();
  }
}
