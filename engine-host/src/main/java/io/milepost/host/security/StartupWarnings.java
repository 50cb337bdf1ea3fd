package io.milepost.host.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at every start, where an operator reads it last, when the host is open to anyone who guesses. */
@Component
final class StartupWarnings {

  private static final Logger LOG = LoggerFactory.getLogger(StartupWarnings.class);

  private final SecurityProperties properties;

  StartupWarnings(SecurityProperties properties) {
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    if (properties.authentication().method() == AuthenticationMethod.NONE) {
      LOG.warn("""

          *****************************************************************************************
          * SECURITY IS OFF: milepost.security.authentication.method is none.                     *
          * Anyone who reaches this host may deploy, cancel, complete tasks and swap plugins.     *
          * For development only: set the method to basic or oidc before anyone else can connect. *
          *****************************************************************************************""");
    }
    boolean demoUnchanged = properties.users().stream()
        .anyMatch(user -> "demo".equals(user.username()) && "demo".equals(user.password()));
    if (demoUnchanged && properties.authentication().method() != AuthenticationMethod.NONE) {
      LOG.warn("User 'demo' still has the password 'demo': set milepost.security.users (see the README's Security"
          + " section) before this host is reachable by others");
    }
  }
}
