package io.milepost.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A run's store files are gigabytes (a full run left 70 GB behind): deleted once the run is measured, logs kept. */
final class StoreFiles {

  private StoreFiles() {}

  /** The size of everything under {@code dir}, in MB (H2's files; a PostgreSQL store lives elsewhere). */
  static double sizeMb(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum() / 1048576.0;
    } catch (IOException | UncheckedIOException e) {
      return Double.NaN;
    }
  }

  static void deleteKeepingLogs(Path dataDir) {
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder())
          .filter(path -> !path.equals(dataDir) && !path.toString().endsWith(".log"))
          .forEach(path -> {
            try {
              Files.deleteIfExists(path);
            } catch (DirectoryNotEmptyException keptLog) {
              // a directory that holds a log stays
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException | UncheckedIOException e) {
      WorkloadRunner.log("could not delete the store under %s: %s", dataDir, e.getMessage());
    }
  }
}
