package io.milepost.engine.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The directory an H2 store's file is in, found from its JDBC URL; none for an in-memory or a remote H2. */
public final class H2StoreDirectory {

  private static final String PREFIX = "jdbc:h2:";
  private static final Pattern FILE_SYSTEM_PREFIX = Pattern.compile("([A-Za-z][A-Za-z0-9]+):");
  /** Stores not on a local disk: over the network, or read from an archive. */
  private static final Set<String> NOT_LOCAL = Set.of("tcp", "ssl", "zip");

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
    return fileOf(url).map(Path::getParent);
  }

  /** The path of the store's files without their extension ({@code milepost} of {@code milepost.mv.db}). */
  static Optional<Path> fileOf(String url) {
    if (url == null || !url.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      return Optional.empty();
    }
    String name = url.substring(PREFIX.length());
    int settings = name.indexOf(';');
    name = settings < 0 ? name : name.substring(0, settings);
    // file-system prefixes (file:, nio:, split:, async:, a test's own, ...) stand before the path, possibly
    // several; a one-letter one is a Windows drive
    Matcher prefix = FILE_SYSTEM_PREFIX.matcher(name);
    while (prefix.lookingAt()) {
      String fileSystem = prefix.group(1).toLowerCase(Locale.ROOT);
      if (fileSystem.startsWith("mem") || fileSystem.startsWith("niomem") || NOT_LOCAL.contains(fileSystem)) {
        return Optional.empty();
      }
      name = name.substring(prefix.end());
      prefix = FILE_SYSTEM_PREFIX.matcher(name);
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Optional.of(Path.of(name).toAbsolutePath());
  }
}
