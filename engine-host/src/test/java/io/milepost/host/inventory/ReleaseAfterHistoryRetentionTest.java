package io.milepost.host.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.engine.AdjustableClock;
import io.milepost.engine.api.EngineQueries;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUserApi;
import io.milepost.host.testing.OneSiteHome;
import io.milepost.host.testing.TestPluginJar;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * With {@code milepost.engine.history-retention} set, the host's engine deletes instances that ended longer ago and
 * counts them; the release of a terminated instance's units, which follows the engine's event log, goes on working
 * after the rows it had read are gone.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReleaseAfterHistoryRetentionTest {

  private static final OneSiteHome HOME = OneSiteHome.running(TestPluginJar.plugin("keeper", "1.0.0")
      .handler("test.reserve", """
          boolean reserved = context.inventory().reserve(context.site().id(),
              (String) context.variables().get("orderId"), Map.of((String) context.variables().get("sku"), 2));
          return StepResult.complete(Map.of("reserved", reserved));"""));

  @LocalServerPort
  int port;

  @Autowired
  AdjustableClock engineClock;

  @Autowired
  EngineQueries engine;

  @Autowired
  MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    HOME.register(registry, "test-fc-1", "Test FC");
    registry.add("milepost.engine.history-retention", () -> "1h");
  }

  @AfterEach
  void resetClock() {
    engineClock.reset();
  }

  @Test
  void shouldDeleteOldInstancesAndStillReleaseTheUnitsOfInstancesCancelledLater() {
    DemoUserApi api = new DemoUserApi(port);
    api.postCsv("/api/inventory/import", "siteId,sku,onHand\ntest-fc-1,RT-1,5\n");
    try (CamundaClient client = api.client()) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("reserve-then-wait").startEvent()
          .serviceTask("reserve", t -> t.zeebeJobType("test.reserve").zeebeInputExpression("\"test-fc-1\"", "siteId"))
          .intermediateCatchEvent("wait").message(m -> m.name("never").zeebeCorrelationKeyExpression("orderId"))
          .endEvent().done(), "reserve-then-wait.bpmn").send().join();
      // given an order cancelled through the API, its units given back, and its end two hours past
      long first = reserveThenCancel(client, api, "o-rt-1");
      engineClock.add(Duration.ofHours(2));

      // when the engine's due work has run: the order is gone, and counted
      await("the deletion of the old order").atMost(Duration.ofSeconds(30))
          .until(() -> engine.processInstance(first).isEmpty());
      assertThat(engine.events(first)).isEmpty();
      // counted once the retention's pass that deleted it has returned, which may be just after the deletion shows
      await("the deletion counted").atMost(Duration.ofSeconds(10))
          .until(() -> meters.get("milepost.engine.history.deleted").counter().count() >= 1.0);

      // then an order cancelled afterwards still gets its units back
      reserveThenCancel(client, api, "o-rt-2");
    }
    assertThat(api.position("test-fc-1", "RT-1")).containsEntry("onHand", 5).containsEntry("available", 5);
  }

  private static long reserveThenCancel(CamundaClient client, DemoUserApi api, String orderId) {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("reserve-then-wait").latestVersion()
        .variables(Map.of("orderId", orderId, "sku", "RT-1")).send().join().getProcessInstanceKey();
    await("the reservation of " + orderId).atMost(Duration.ofSeconds(30))
        .until(() -> api.position("test-fc-1", "RT-1").get("reserved"), reserved -> Integer.valueOf(2).equals(reserved));
    client.newCancelInstanceCommand(instance).send().join();
    await("the release of " + orderId).atMost(Duration.ofSeconds(30))
        .until(() -> api.position("test-fc-1", "RT-1").get("reserved"), reserved -> Integer.valueOf(0).equals(reserved));
    return instance;
  }
}
