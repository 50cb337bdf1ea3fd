package io.milepost.host.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb and pg_ctl on a temp directory, a free port), so a test may
 * restart it under load without disturbing the machine's shared PostgreSQL that other runs use. PostgreSQL
 * refuses to run as root: as root, its commands run as the {@code postgres} user.
 */
final class PrivatePostgres implements AutoCloseable {

  private final Path bin;
  private final Path data;
  private final int port;

  private PrivatePostgres(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** Where initdb and pg_ctl are, if they are on this machine. */
  static Optional<Path> binaries() {
    Stream<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).map(Path::of);
    Stream<Path> debian = Stream.of("/usr/lib/postgresql").map(Path::of).filter(Files::isDirectory)
        .flatMap(PrivatePostgres::versionBins);
    return Stream.concat(path, debian)
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst();
  }

  static PrivatePostgres start(Path bin, Path home, int port) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(home.resolve("postgres"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    if (runsAsRoot()) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    PrivatePostgres server = new PrivatePostgres(bin, dir.resolve("data"), port);
    server.run("initdb", "-D", server.data.toString(), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
    server.run("pg_ctl", "-D", server.data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    return server;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** Stops the server the way an operator restarting it does (fast: open connections are cut) and starts it again. */
  void restart() throws IOException, InterruptedException {
    run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "restart");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
  }

  private void run(String tool, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (runsAsRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("pg-" + tool, ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("Expected " + command + " to succeed, but it did not:\n" + Files.readString(output));
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Stream<Path> versionBins(Path root) {
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(version -> version.resolve("bin")).toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }
}
