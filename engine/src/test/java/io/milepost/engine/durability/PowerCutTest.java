package io.milepost.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.H2CommitDurability;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.state.JournalingDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged command survives a power cut on the default H2 store: the store is read back as the
 * device would hold it, with only what was forced to it, and every acknowledged command is there.
 */
class PowerCutTest {

  @TempDir
  Path dataDir;

  @Test
  void shouldKeepEveryAcknowledgedCommandThroughAPowerCut() throws Exception {
    // given an engine whose store's file system remembers what was forced to the device
    PowerCutFileSystem.register();
    List<Long> started = new ArrayList<>();
    List<Long> completed = new ArrayList<>();
    MilepostEngine engine = MilepostEngine.start(configuration("jdbc:h2:powercut:" + dataDir.resolve("live")));
    deployServiceTask(engine);

    // when commands are acknowledged
    for (int i = 0; i < 40; i++) {
      started.add(engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of("i", i))).processInstanceKey());
    }
    for (ActivatedJob job : engine.activateJobs(new ActivateJobs("work", "w", Duration.ofMinutes(5), 20, List.of()))) {
      engine.completeJob(job.key(), Map.of());
      completed.add(job.processInstanceKey());
    }
    // and the power goes before anything else reaches the device
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("device.mv.db"));
    engine.close();

    // then the store as the device holds it has all of them
    try (MilepostEngine restarted = MilepostEngine.start(configuration("jdbc:h2:" + dataDir.resolve("device")))) {
      for (long instance : started) {
        assertThat(restarted.queries().processInstance(instance)).as("acknowledged instance %d", instance).isPresent();
      }
      for (long instance : completed) {
        assertThat(restarted.queries().processInstance(instance).orElseThrow().state())
            .as("instance %d whose job completion was acknowledged", instance).isEqualTo(ProcessInstanceState.COMPLETED);
      }
    }
  }

  @Test
  void shouldLoseAcknowledgedCommandsThroughAPowerCutWhenCommitsOnlySurviveAProcessKill() throws Exception {
    // given an engine set to write commits to the file without forcing them to the device
    PowerCutFileSystem.register();
    MilepostEngine engine = MilepostEngine.start(configuration("jdbc:h2:powercut:" + dataDir.resolve("live"))
        .withH2CommitDurability(H2CommitDurability.PROCESS_KILL));
    engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("p")
        .startEvent().endEvent().done()).getBytes(StandardCharsets.UTF_8))));
    long acknowledged = engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();

    // when the power goes before the operating system wrote its cache to the device
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("device.mv.db"));
    engine.close();

    // then the device does not hold the acknowledged instance: what the setting trades for cheaper commits
    try (MilepostEngine restarted = MilepostEngine.start(configuration("jdbc:h2:" + dataDir.resolve("device")))) {
      assertThat(restarted.queries().processInstance(acknowledged)).as("acknowledged instance %d", acknowledged)
          .isEmpty();
    }
  }

  @Test
  void shouldKeepEveryAcknowledgedCommandAndEveryOtherCommitThroughAPowerCutWhenTheEngineJournals() throws Exception {
    // given an engine that journals its commits (its own store of the pages not due during the test), and a host
    // that writes to the same database beside it
    JournalingDataSource shared = liveJournalingDataSource();
    MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(shared, Clock.systemUTC(), null, "journal"));
    deployServiceTask(engine);
    List<Long> started = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      started.add(engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of("i", i))).processInstanceKey());
    }
    // when the host commits a row of its own (as a plugin reserves stock), then the engine acknowledges more commands
    try (Connection connection = shared.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE reservation (sku VARCHAR(20))");
      statement.executeUpdate("INSERT INTO reservation VALUES ('SKU-1')");
    }
    List<Long> completed = new ArrayList<>();
    for (ActivatedJob job : engine.activateJobs(new ActivateJobs("work", "w", Duration.ofMinutes(5), 20, List.of()))) {
      engine.completeJob(job.key(), Map.of());
      completed.add(job.processInstanceKey());
    }
    long last = engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();
    // and the power goes: the device holds the store's file as forced, and the journal
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("device.mv.db"));
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("without-journal.mv.db"));
    copyDirectory(dataDir.resolve("live.journal"), dataDir.resolve("device.journal"));
    engine.close();

    // then the store as the device holds it has every acknowledged command, and the host's row
    try (MilepostEngine restarted = MilepostEngine.start(configuration("jdbc:h2:" + dataDir.resolve("device")))) {
      started.add(last);
      for (long instance : started) {
        assertThat(restarted.queries().processInstance(instance)).as("acknowledged instance %d", instance).isPresent();
      }
      for (long instance : completed) {
        assertThat(restarted.queries().processInstance(instance).orElseThrow().state())
            .as("instance %d whose job completion was acknowledged", instance).isEqualTo(ProcessInstanceState.COMPLETED);
      }
    }
    try (Connection connection = DriverManager.getConnection("jdbc:h2:" + dataDir.resolve("device"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT sku FROM reservation")) {
      assertThat(rows.next()).as("the host's committed row").isTrue();
    }
    // and without the journal the file alone misses the last of them: the journal, not the file, kept it
    String fileOnlyUrl = "jdbc:h2:" + dataDir.resolve("without-journal");
    try (MilepostEngine fileOnly = MilepostEngine.start(configuration(fileOnlyUrl))) {
      assertThat(fileOnly.queries().processInstance(last)).as("instance %d, journaled only", last).isEmpty();
    }
  }

  @Test
  void shouldKeepTheRowsTheHostWroteToJournaledTablesThroughAPowerCutFromTheJournalAlone() throws Exception {
    // given an engine that journals its commits, and a host table (keys from an identity column) whose writes are
    // journaled too, stored in the file by the engine's next command
    JournalingDataSource shared = liveJournalingDataSource();
    MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(shared, Clock.systemUTC(), null, "journal"));
    try (Connection connection = shared.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE reservation (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
          + "sku VARCHAR(20) NOT NULL)");
    }
    shared.journalWritesTo(List.of("reservation"));
    deployServiceTask(engine);
    long instance = engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();

    // when the host reserves stock in a transaction and in auto-commit, then the engine acknowledges the job's end
    try (Connection connection = shared.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.executeUpdate("INSERT INTO reservation (sku) VALUES ('SKU-1'), ('SKU-2')");
      connection.commit();
      connection.setAutoCommit(true);
      statement.executeUpdate("UPDATE reservation SET sku = 'SKU-3' WHERE id = 2");
    }
    ActivatedJob job = engine.activateJobs(new ActivateJobs("work", "w", Duration.ofMinutes(5), 1, List.of()))
        .getFirst();
    engine.completeJob(job.key(), Map.of());
    // and the power goes
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("device.mv.db"));
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("without-journal.mv.db"));
    copyDirectory(dataDir.resolve("live.journal"), dataDir.resolve("device.journal"));
    engine.close();

    // then the store as the device holds it has the completed instance and the host's rows with their keys, and
    // hands the next row a key of its own
    try (MilepostEngine restarted = MilepostEngine.start(configuration("jdbc:h2:" + dataDir.resolve("device")))) {
      assertThat(restarted.queries().processInstance(instance).orElseThrow().state())
          .as("instance %d whose job completion was acknowledged", instance).isEqualTo(ProcessInstanceState.COMPLETED);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:h2:" + dataDir.resolve("device"));
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO reservation (sku) VALUES ('SKU-4')");
      assertThat(rows(statement, "SELECT id, sku FROM reservation ORDER BY id"))
          .containsExactly("1 SKU-1", "2 SKU-3", "3 SKU-4");
    }
    // and the file alone has the table but not the rows: they reached the device through the journal, the engine
    // did not store H2's pages for them
    try (Connection connection = DriverManager.getConnection("jdbc:h2:" + dataDir.resolve("without-journal"));
        Statement statement = connection.createStatement()) {
      assertThat(rows(statement, "SELECT id, sku FROM reservation")).as("rows in the file alone").isEmpty();
    }
  }

  /**
   * The store in {@code live} behind the data source a host gives everyone, the engine's own store of the pages not
   * due during the test, on a file system that remembers what was forced to the device.
   */
  private JournalingDataSource liveJournalingDataSource() {
    PowerCutFileSystem.register();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:powercut:" + dataDir.resolve("live"));
    return new JournalingDataSource(h2, Duration.ofHours(1));
  }

  private static void deployServiceTask(MilepostEngine engine) {
    engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("p")
        .startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done())
        .getBytes(StandardCharsets.UTF_8))));
  }

  private static List<String> rows(Statement statement, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getLong(1) + " " + result.getString(2));
      }
    }
    return rows;
  }

  @Test
  void shouldStoreThePagesOfJournaledCommitsEveryStoreInterval() throws Exception {
    // given an engine that journals its commits and stores H2's pages every 200 ms
    PowerCutFileSystem.register();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:powercut:" + dataDir.resolve("live"));
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(
        new JournalingDataSource(h2, Duration.ofMillis(200)), Clock.systemUTC(), null, "journal"))) {
      deployServiceTask(engine);

      // when a command is acknowledged (from the journal)
      long instance = engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();

      // then soon the store's file alone, as the device holds it, has it too
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      boolean inTheFile = false;
      for (int copy = 0; !inTheFile && System.nanoTime() < deadline; copy++) {
        Thread.sleep(100);
        Path device = dataDir.resolve("device-" + copy);
        PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), Path.of(device + ".mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:" + device);
            Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery(
                "SELECT COUNT(*) FROM process_instance WHERE process_instance_key = " + instance)) {
          rows.next();
          inTheFile = rows.getLong(1) == 1;
        } catch (SQLException notAStoreYet) {
          // the image before the first store of the schema
        }
      }
      assertThat(inTheFile).as("instance %d in the file as the device holds it, without the journal", instance)
          .isTrue();
    }
  }

  private static void copyDirectory(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private static EngineConfiguration configuration(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    return new EngineConfiguration(dataSource, Clock.systemUTC(), null, "power-cut");
  }
}
