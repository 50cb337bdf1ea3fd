package io.milepost.host.security;

import org.springframework.security.authorization.AuthorizationDecision;

/** A decision that remembers the permission it was about, so a denial can name what is missing. */
final class PermissionDecision extends AuthorizationDecision {

  private final Permission permission;

  PermissionDecision(boolean granted, Permission permission) {
    super(granted);
    this.permission = permission;
  }

  Permission permission() {
    return permission;
  }
}
