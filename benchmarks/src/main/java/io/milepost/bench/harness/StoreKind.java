package io.milepost.bench.harness;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The store every engine gets: an H2 file with durable commits, or a fresh PostgreSQL database. */
public enum StoreKind {
  H2, POSTGRES;

  /** Connections per engine: the size of Spring Boot's default Hikari pool, which engine-host uses. */
  public static final int POOL_SIZE = 10;

  /**
   * A JDBC URL of an empty store for one run: {@code dataDir/name} as an H2 file (as engine-host's default:
   * the engine writes every commit to the file, old page copies kept 5 s), or database {@code name} created anew on the server
   * of {@code postgresUrl}.
   */
  public String freshUrl(Path dataDir, String name, String postgresUrl) {
    return switch (this) {
      case H2 -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(name) + ";RETENTION_TIME=5000";
      case POSTGRES -> recreateDatabase(postgresUrl, name);
    };
  }

  public static HikariDataSource pool(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setPoolName("bench");
    return new HikariDataSource(config);
  }

  private static String recreateDatabase(String adminUrl, String name) {
    if (adminUrl == null || adminUrl.isBlank()) {
      throw new IllegalArgumentException("Expected MILEPOST_BENCH_PG to be a JDBC URL for the PostgreSQL runs, but it "
          + "is not set");
    }
    String database = name.replaceAll("[^a-z0-9_]", "_");
    try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to create database " + database + " through " + adminUrl
          + ", but could not: " + e.getMessage(), e);
    }
    // jdbc:postgresql://host:port/db?params -> same with the new database
    return adminUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
  }
}
