package io.milepost.engine.testing;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.EngineEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh engine per test on an in-memory H2 store with a controlled clock; helpers to deploy
 * fluent-builder models, start instances, work jobs and read the event log.
 */
public final class EngineHarness implements BeforeEachCallback, AfterEachCallback {

  public final ControlledClock clock = new ControlledClock(Instant.parse("2026-11-26T08:00:00Z"));
  private MilepostEngine engine;

  /**
   * {@code -Dmilepost.test.store=postgres} runs the same tests on PostgreSQL (the second surefire run does),
   * from {@link TestPostgres}.
   */
  private static final boolean POSTGRES = "postgres".equals(System.getProperty("milepost.test.store"));

  private String schema;
  private final UnaryOperator<EngineConfiguration> configure;

  public EngineHarness() {
    this(UnaryOperator.identity());
  }

  /** With a configuration of the test's own (limits, time-outs). */
  public EngineHarness(UnaryOperator<EngineConfiguration> configure) {
    this.configure = configure;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    engine = MilepostEngine.start(configure.apply(new EngineConfiguration(POSTGRES ? postgres() : h2(), clock, null, "test")));
  }

  private static DataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  /** A fresh schema per test; skipped, saying why, when no PostgreSQL answers. */
  private DataSource postgres() {
    String name = "engine_test_" + UUID.randomUUID().toString().replace("-", "");
    DataSource dataSource = TestPostgres.createSchema(name);
    schema = name;
    return dataSource;
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    if (engine != null) {
      engine.close();
    }
    if (schema != null) {
      TestPostgres.dropSchema(schema);
    }
  }

  public MilepostEngine engine() {
    return engine;
  }

  public Deployment deploy(BpmnModelInstance model) {
    return engine.deploy(List.of(new DeploymentResource("process.bpmn",
        Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8))));
  }

  public long start(String processId, Map<String, Object> variables) {
    return engine.createProcessInstance(CreateProcessInstance.latest(processId, variables)).processInstanceKey();
  }

  public List<ActivatedJob> activate(String type, int max) {
    return engine.activateJobs(new ActivateJobs(type, "test-worker", Duration.ofMinutes(5), max, List.of()));
  }

  public ActivatedJob activateOne(String type) {
    List<ActivatedJob> jobs = activate(type, 1);
    if (jobs.isEmpty()) {
      throw new AssertionError("Expected a job of type '" + type + "' to be activatable, but there was none");
    }
    return jobs.getFirst();
  }

  public void completeJob(String type, Map<String, Object> variables) {
    engine.completeJob(activateOne(type).key(), variables);
  }

  public List<EngineEvent> events(long processInstanceKey) {
    return engine.queries().events(processInstanceKey);
  }

  /** "ELEMENT_COMPLETED elementId" lines of the PROCESS_INSTANCE events, in order. */
  public List<String> elementEvents(long processInstanceKey, String intent) {
    return events(processInstanceKey).stream()
        .filter(e -> e.valueType().equals("PROCESS_INSTANCE") && e.intent().equals(intent))
        .map(EngineEvent::elementId).toList();
  }

  public Map<String, Object> variables(long processInstanceKey) {
    return engine.queries().visibleVariables(processInstanceKey);
  }
}
