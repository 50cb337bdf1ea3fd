package io.milepost.host.web;

import io.milepost.host.security.Permission;

/** The user's roles do not give the permission a page needs. */
public final class PageForbiddenException extends RuntimeException {

  private final Permission permission;

  public PageForbiddenException(Permission permission) {
    super("This page needs the permission " + permission);
    this.permission = permission;
  }

  public Permission permission() {
    return permission;
  }
}
