package io.milepost.host.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.Authentication;

/**
 * The passwords the slow check has already accepted, per username, so that an API client that sends its basic
 * credentials with every call (as the Camunda client does) pays a password hash such as bcrypt (tens of
 * milliseconds of CPU by design) once per user and host start instead of once per call.
 *
 * <p>Only accepted passwords are kept, one per username, and the users are the configured ones, so it holds at
 * most one entry per configured user. It keeps a keyed hash of the password (HMAC-SHA256 with a key drawn at
 * start and never written anywhere), never the password itself, and compares in constant time. A different
 * password for the user misses and goes through the full check.
 */
final class VerifiedPasswords {

  private static final String HMAC = "HmacSHA256";

  private record Verified(byte[] passwordHash, Authentication authentication) {}

  /**
   * Keyed once and cloned per hash: {@code Mac.getInstance} and {@code init} (a provider lookup and the key's
   * padding blocks) cost more than the hash itself, and they ran on every API call. A clone is a fresh Mac,
   * so concurrent calls share nothing mutable.
   */
  private final Mac keyed;
  private final Map<String, Verified> byUsername = new ConcurrentHashMap<>();

  VerifiedPasswords() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      this.keyed = Mac.getInstance(HMAC);
      keyed.init(new SecretKeySpec(secret, HMAC));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Expected the JDK to provide " + HMAC + ", but it failed", e);
    }
  }

  /** The authentication the full check gave for this username and password before, if it did. */
  Optional<Authentication> find(String username, String password) {
    Verified verified = byUsername.get(username);
    if (verified == null || !MessageDigest.isEqual(verified.passwordHash(), hash(password))) {
      return Optional.empty();
    }
    return Optional.of(verified.authentication());
  }

  /** Remembers that the full check accepted {@code password} for {@code username}, as {@code authentication}. */
  void accepted(String username, String password, Authentication authentication) {
    byUsername.put(username, new Verified(hash(password), authentication));
  }

  private byte[] hash(String password) {
    try {
      return ((Mac) keyed.clone()).doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("Expected the JDK's " + HMAC + " to be cloneable, but it is not", e);
    }
  }
}
