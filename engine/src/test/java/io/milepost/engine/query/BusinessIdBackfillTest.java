package io.milepost.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.BusinessIdPaths;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.testing.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A path configured on a store that already holds instances indexes their ids at the next start. */
class BusinessIdBackfillTest {

  @Test
  void shouldFindInstancesWrittenBeforeTheirPathWasConfigured() {
    // given: 12 orders and a shipment written while no path named them
    JdbcDataSource store = new JdbcDataSource();
    store.setURL("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ControlledClock clock = new ControlledClock(Instant.parse("2026-11-26T08:00:00Z"));
    List<Long> orders;
    long shipment;
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(store, clock, null, "before"))) {
      String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("wait").startEvent()
          .userTask("check").zeebeUserTask().endEvent().done());
      engine.deploy(List.of(new DeploymentResource("wait.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
      orders = IntStream.range(0, 12).mapToObj(i -> engine.createProcessInstance(CreateProcessInstance.latest("wait",
          Map.of("order", Map.of("orderId", "o-" + i)))).processInstanceKey()).toList();
      shipment = engine.createProcessInstance(CreateProcessInstance.latest("wait",
          Map.of("shipment", Map.of("shipmentId", "s-1")))).processInstanceKey();
      assertThat(found(engine, "o-3")).isEmpty();
    }

    // when: the engine starts with the paths
    EngineConfiguration withPaths = new EngineConfiguration(store, clock, null, "after")
        .withBusinessIdPaths(BusinessIdPaths.parse(List.of("order.orderId", "shipment.shipmentId")));
    try (MilepostEngine engine = MilepostEngine.start(withPaths)) {
      // then
      assertThat(found(engine, "o-3")).containsExactly(orders.get(3));
      assertThat(found(engine, "o-11")).containsExactly(orders.get(11));
      assertThat(found(engine, "s-1")).containsExactly(shipment);
    }
    // and a later start finds them once, not twice
    try (MilepostEngine engine = MilepostEngine.start(withPaths)) {
      assertThat(found(engine, "o-0")).containsExactly(orders.getFirst());
    }
  }

  private static List<Long> found(MilepostEngine engine, String businessId) {
    return engine.queries().searchProcessInstances(new ProcessInstanceFilter(null, null, null, null, null, null, null,
        null, null, null, businessId, null), PageRequest.defaults()).items().stream().map(ProcessInstanceView::key)
        .toList();
  }
}
