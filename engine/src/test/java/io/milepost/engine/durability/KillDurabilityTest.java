package io.milepost.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An acknowledged command survives kill -9: a child JVM runs load against an H2 file store and is
 * killed with SIGKILL mid-load; after a restart on the same file every acknowledged instance and
 * job completion is there, and nothing ran twice inside the engine.
 */
class KillDurabilityTest {

  @TempDir
  Path dataDir;

  @ParameterizedTest(name = "journaled: {0}")
  @ValueSource(booleans = {false, true})
  void shouldKeepEveryAcknowledgedCommandAfterKillMinus9(boolean journaled) throws Exception {
    // given a child JVM under load, whose engine stores H2's pages at each checkpoint or journals its commits
    String url = "jdbc:h2:file:" + dataDir.resolve("milepost");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LoadDriver.class.getName(), url, journaled ? "journal" : "")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<Long> created = new ArrayList<>();
    List<long[]> completed = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        switch (parts[0]) {
          case "CREATED" -> created.add(Long.parseLong(parts[1]));
          case "COMPLETED" -> completed.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
          default -> { }
        }
        // when: kill -9 in the middle of the load
        if (completed.size() == 150) {
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(completed).hasSize(150);
    Path journal = dataDir.resolve("milepost.journal");
    if (journaled) {
      try (Stream<Path> segments = Files.list(journal)) {
        assertThat(segments.mapToLong(KillDurabilityTest::size).sum()).as("bytes journaled").isPositive();
      }
    } else {
      assertThat(journal).doesNotExist();
    }

    // then, after a restart on the same store
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(dataSource, java.time.Clock.systemUTC(), null, "check"))) {
      var queries = engine.queries();
      for (long instance : created) {
        assertThat(queries.processInstance(instance)).as("acknowledged instance %d", instance).isPresent();
      }
      for (long[] completion : completed) {
        assertThat(queries.searchJobs(new JobFilter(completion[0], null, null, null), PageRequest.defaults()).items())
            .singleElement().satisfies(job -> assertThat(job.state()).isEqualTo(JobState.COMPLETED));
        assertThat(queries.processInstance(completion[1]).orElseThrow().state()).isEqualTo(ProcessInstanceState.COMPLETED);
      }
      for (long instance : created) {
        List<EngineEvent> events = queries.events(instance);
        Set<String> seen = new HashSet<>();
        for (EngineEvent event : events) {
          if (event.valueType().equals("PROCESS_INSTANCE") || event.valueType().equals("JOB")) {
            assertThat(seen.add(event.key() + "/" + event.intent()))
                .as("event %s %s of element %s happened once", event.intent(), event.key(), event.elementId()).isTrue();
          }
        }
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
