package io.milepost.host.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated {@link MilepostUser} that did not log in with a password: a bearer token's subject. */
final class UserAuthentication extends AbstractAuthenticationToken {

  private final MilepostUser user;
  private final transient Object credentials;

  UserAuthentication(MilepostUser user, Object credentials) {
    super(RoleAuthorities.of(user));
    this.user = user;
    this.credentials = credentials;
    setAuthenticated(true);
  }

  @Override
  public MilepostUser getPrincipal() {
    return user;
  }

  @Override
  public Object getCredentials() {
    return credentials;
  }
}
