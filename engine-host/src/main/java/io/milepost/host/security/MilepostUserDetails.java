package io.milepost.host.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user with a password, as Spring Security's password check takes it; the principal after a basic or form login. */
record MilepostUserDetails(MilepostUser user, String password) implements UserDetails {

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return RoleAuthorities.of(user);
  }

  @Override
  public String getPassword() {
    return password;
  }

  @Override
  public String getUsername() {
    return user.username();
  }
}
