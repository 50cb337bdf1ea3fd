package io.milepost.engine.random;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.testing.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One engine on an in-memory H2 store with a controlled clock, shared by many generated cases, and
 * read access to the store rows the public queries do not show (timers, message subscriptions).
 */
final class EngineUnderTest implements AutoCloseable {

  final ControlledClock clock = new ControlledClock(Instant.parse("2026-11-26T08:00:00Z"));
  private final JdbcDataSource dataSource = new JdbcDataSource();
  private final MilepostEngine engine;

  EngineUnderTest() {
    dataSource.setURL("jdbc:h2:mem:random-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    engine = MilepostEngine.start(new EngineConfiguration(dataSource, clock, null, "random"));
  }

  MilepostEngine engine() {
    return engine;
  }

  void deploy(BpmnModelInstance model) {
    engine.deploy(List.of(new DeploymentResource("random.bpmn",
        Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8))));
  }

  /** The element instance keys that own a timer of the process instance. */
  List<Long> timerOwners(long processInstanceKey) {
    return longs("SELECT element_instance_key FROM timer WHERE process_instance_key = ?", processInstanceKey);
  }

  List<Long> messageSubscriptionOwners(long processInstanceKey) {
    return longs("SELECT element_instance_key FROM message_subscription WHERE process_instance_key = ?", processInstanceKey);
  }

  private List<Long> longs(String sql, long parameter) {
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      List<Long> result = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.add(rows.getLong(1));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
