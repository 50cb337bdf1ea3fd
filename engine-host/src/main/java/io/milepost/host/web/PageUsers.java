package io.milepost.host.web;

import io.milepost.host.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The one place the pages learn who the user is: security's {@link CurrentUser}. Pages are behind the login, so
 * a request without a user here is a bug in the security set-up, not a guest.
 */
@Component
public final class PageUsers {

  private final CurrentUser currentUser;

  PageUsers(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  public PageUser current() {
    return new PageUser(currentUser.get());
  }
}
