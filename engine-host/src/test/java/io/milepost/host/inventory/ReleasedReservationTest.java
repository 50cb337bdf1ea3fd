package io.milepost.host.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUserApi;
import io.milepost.host.testing.OneSiteHome;
import io.milepost.host.testing.TestPluginJar;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A cancelled order gives its units back: a plugin step reserves them through the host's stock, a cancel
 * step releases them (twice, as a redelivered job would), and the ledger tells which import, order, process
 * instance, job and step made every change. The model's cancel path is the process's business; this is
 * the host's half of it. An instance cancelled through the API, which no cancel path of its model sees, gives its
 * units back too.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReleasedReservationTest {

  private static final OneSiteHome HOME = OneSiteHome.running(TestPluginJar.plugin("keeper", "1.0.0")
      .handler("test.reserve", """
          String sku = (String) context.variables().getOrDefault("sku", "RL-1");
          boolean reserved = context.inventory().reserve(context.site().id(),
              (String) context.variables().get("orderId"), Map.of(sku, 2));
          return StepResult.complete(Map.of("reserved", reserved));""")
      .handler("test.cancel", """
          Optional<Reservation> released = context.inventory().release((String) context.variables().get("orderId"));
          return StepResult.complete(Map.of("released", released.map(r -> r.state().name()).orElse("NONE")));"""));

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    HOME.register(registry, "test-fc-1", "Test FC");
  }

  @Test
  void shouldGiveACancelledOrdersUnitsBackOnceAndTraceEveryChange() {
    DemoUserApi api = new DemoUserApi(port);
    String importReference = (String) api.json(api.postCsv("/api/inventory/import", "siteId,sku,onHand\ntest-fc-1,RL-1,5\n"))
        .get("reference");

    ProcessInstanceResult order;
    try (CamundaClient client = api.client()) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("reserve-then-cancel").startEvent()
          .serviceTask("reserve", t -> t.zeebeJobType("test.reserve").zeebeInputExpression("\"test-fc-1\"", "siteId"))
          .serviceTask("cancel", t -> t.zeebeJobType("test.cancel").zeebeInputExpression("\"test-fc-1\"", "siteId"))
          .serviceTask("cancelAgain", t -> t.zeebeJobType("test.cancel").zeebeInputExpression("\"test-fc-1\"", "siteId"))
          .endEvent().done(), "reserve-then-cancel.bpmn").send().join();
      order = client.newCreateInstanceCommand().bpmnProcessId("reserve-then-cancel").latestVersion()
          .variables(Map.of("orderId", "o-rl-1")).withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
    }

    assertThat(order.getVariablesAsMap()).containsEntry("reserved", true).containsEntry("released", "RELEASED");
    assertThat(api.position("test-fc-1", "RL-1")).containsEntry("onHand", 5).containsEntry("reserved", 0)
        .containsEntry("available", 5);
    String instance = Long.toString(order.getProcessInstanceKey());
    List<Map<String, Object>> movements = api.items("/api/inventory/movements?siteId=test-fc-1&sku=RL-1");
    assertThat(movements).extracting(m -> m.get("kind"), m -> m.get("reference"), m -> m.get("reservedChange"),
        m -> m.get("onHandChange"), m -> m.get("processInstanceKey"), m -> m.get("step"), m -> m.get("actor"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IMPORT", importReference, 0, 5, null, null, "demo"),
            org.assertj.core.groups.Tuple.tuple("RESERVED", "o-rl-1", 2, 0, instance, "test.reserve", null),
            org.assertj.core.groups.Tuple.tuple("RELEASED", "o-rl-1", -2, 0, instance, "test.cancel", null));
    assertThat(movements.subList(1, 3)).allSatisfy(movement -> assertThat(movement.get("jobKey")).isNotNull());
  }

  @Test
  void shouldGiveBackTheUnitsOfAnInstanceCancelledThroughTheApi() {
    DemoUserApi api = new DemoUserApi(port);
    api.postCsv("/api/inventory/import", "siteId,sku,onHand\ntest-fc-1,RL-2,5\n");
    long instance;
    try (CamundaClient client = api.client()) {
      // given an order that reserved two units and waits for a message its model has no cancel path for
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("reserve-then-wait").startEvent()
          .serviceTask("reserve", t -> t.zeebeJobType("test.reserve").zeebeInputExpression("\"test-fc-1\"", "siteId"))
          .intermediateCatchEvent("wait").message(m -> m.name("never").zeebeCorrelationKeyExpression("orderId"))
          .endEvent().done(), "reserve-then-wait.bpmn").send().join();
      instance = client.newCreateInstanceCommand().bpmnProcessId("reserve-then-wait").latestVersion()
          .variables(Map.of("orderId", "o-rl-2", "sku", "RL-2")).send().join().getProcessInstanceKey();
      await("the reservation").atMost(Duration.ofSeconds(30))
          .until(() -> api.position("test-fc-1", "RL-2").get("reserved"), reserved -> Integer.valueOf(2).equals(reserved));

      // when an operator cancels it through the API
      client.newCancelInstanceCommand(instance).send().join();
    }

    // then the units are available again, and the ledger says the instance's end released them
    await("the release").atMost(Duration.ofSeconds(30))
        .until(() -> api.position("test-fc-1", "RL-2").get("reserved"), reserved -> Integer.valueOf(0).equals(reserved));
    assertThat(api.position("test-fc-1", "RL-2")).containsEntry("onHand", 5).containsEntry("available", 5);
    assertThat(api.items("/api/inventory/movements?siteId=test-fc-1&sku=RL-2"))
        .extracting(m -> m.get("kind"), m -> m.get("reference"), m -> m.get("reservedChange"),
            m -> m.get("processInstanceKey"), m -> m.get("jobKey"), m -> m.get("actor"))
        .endsWith(org.assertj.core.groups.Tuple.tuple("RELEASED", "o-rl-2", -2, Long.toString(instance), null,
            "instance terminated"));
  }
}
