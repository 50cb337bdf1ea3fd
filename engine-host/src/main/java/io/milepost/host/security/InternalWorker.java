package io.milepost.host.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The principal of the host's own step workers when they call this host's API over the loopback: a
 * worker with a password drawn at every start and never written anywhere, so it works under every
 * authentication method and no operator has to configure it.
 */
@Component
public final class InternalWorker {

  static final String USERNAME = "milepost-internal-worker";

  private final String password;

  InternalWorker() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  public String username() {
    return USERNAME;
  }

  public String password() {
    return password;
  }

  MilepostUserDetails details() {
    return new MilepostUserDetails(new MilepostUser(USERNAME, Set.of(Role.WORKER), Set.of(), Set.of()),
        "{noop}" + password);
  }
}
