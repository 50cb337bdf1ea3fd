package io.milepost.host.rollout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A hash of rollout id and site id that never changes between runs or JVMs (unlike {@code String.hashCode}
 * it is not tied to Java's implementation, and SHA-256 spreads similar site ids evenly).
 */
final class StableHash {

  private StableHash() {}

  static long of(String rolloutId, String siteId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((rolloutId + "\n" + siteId).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
