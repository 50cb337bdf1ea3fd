package io.milepost.engine.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** The directory an H2 store's file is in, found from its JDBC URL; none for an in-memory or a remote H2. */
public final class H2StoreDirectory {

  private static final String PREFIX = "jdbc:h2:";

  private H2StoreDirectory() {}

  /** The directory of {@code store}'s file; empty for PostgreSQL and for H2 in memory or over the network. */
  public static Optional<Path> of(Store store) {
    if (store.dialect() != Dialect.H2) {
      return Optional.empty();
    }
    try (Connection connection = store.dataSource().getConnection()) {
      return fromUrl(connection.getMetaData().getURL());
    } catch (SQLException e) {
      throw new StoreException("Failed to read the H2 store's URL (to find the disk its file is on)", e);
    }
  }

  static Optional<Path> fromUrl(String url) {
    if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      return Optional.empty();
    }
    String name = url.substring(PREFIX.length());
    int settings = name.indexOf(';');
    name = settings < 0 ? name : name.substring(0, settings);
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.startsWith("zip:")) {
      return Optional.empty();
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    Path parent = Path.of(name).toAbsolutePath().getParent();
    return Optional.ofNullable(parent);
  }
}
