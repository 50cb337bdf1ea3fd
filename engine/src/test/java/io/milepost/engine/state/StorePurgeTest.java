package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A purge must leave nothing of earlier tests behind: every table the migrations create is purged or kept on purpose. */
class StorePurgeTest {

  private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)",
      Pattern.CASE_INSENSITIVE);

  @Test
  void shouldNameEveryTableTheMigrationsCreate() throws IOException, URISyntaxException {
    List<String> created = tablesTheMigrationsCreate();

    assertThat(created).isNotEmpty();
    assertThat(created).allSatisfy(table -> assertThat(StorePurge.PURGED.contains(table)
        || StorePurge.KEPT.contains(table)).as("table %s is purged or kept in StorePurge", table).isTrue());
  }

  /** Every table the engine's migrations create, lower case. */
  static List<String> tablesTheMigrationsCreate() throws IOException, URISyntaxException {
    Path migrations = Path.of(StorePurgeTest.class.getResource("/db/migration/engine").toURI());
    List<String> created = new ArrayList<>();
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Matcher matcher = CREATE_TABLE.matcher(Files.readString(file));
        while (matcher.find()) {
          created.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return created;
  }
}
