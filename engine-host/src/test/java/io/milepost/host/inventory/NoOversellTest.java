package io.milepost.host.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUserApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 200 orders at once for a SKU with 50 units, through the bundled plugins' allocation and pick: exactly 50
 * are allocated and shipped, the other 150 are backordered, and the position never goes below zero. On H2
 * here, on PostgreSQL in {@link PostgresNoOversellTest}.
 *
 * <p>The model is order-fulfillment's allocation (customer region first, then the network, backordered
 * when both are out of stock) followed by the pick, without packing and shipping, which would only make
 * the test slower.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class NoOversellTest {

  private static final int ORDERS = 200;
  private static final int UNITS = 50;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Path home = createHome();
    registry.add("milepost.data-dir", () -> home.resolve("data").toString());
    registry.add("milepost.bpmn-dir", () -> home.resolve("no-models").toString());
  }

  @Test
  void shouldAllocateExactlyTheUnitsOnHandAndBackorderTheRest() {
    DemoUserApi api = new DemoUserApi(port);
    api.json(api.postCsv("/api/inventory/import", "siteId,sku,onHand\nfc-west-1,HX-9301," + UNITS + "\n"));

    try (CamundaClient client = api.client()) {
      client.newDeployResourceCommand().addProcessModel(allocateAndPick(), "allocate-and-pick.bpmn")
          .addResourceFile(Path.of("..", "bpmn", "fulfillment-type.dmn").toString()).send().join();

      // when 200 customers order one unit each, all at once
      List<CompletableFuture<Long>> started = IntStream.range(0, ORDERS).mapToObj(i -> client.newCreateInstanceCommand()
              .bpmnProcessId("allocate-and-pick").latestVersion()
              .variables(Map.of("order", Map.of("orderId", "o-hx-" + i, "customerRegion", "west",
                  "destinationPostalCode", "94607", "items", List.of(Map.of("sku", "HX-9301", "quantity", 1,
                      "weightKg", 0.3, "lengthCm", 10, "widthCm", 10, "heightCm", 5)))))
              // all 200 are sent at once; the client queues what its connection pool cannot send yet
              .requestTimeout(Duration.ofMinutes(2)).send().toCompletableFuture().thenApply(event -> event.getProcessInstanceKey()))
          .toList();
      started.forEach(CompletableFuture::join);

      // A generous bound: this waits for the work to be done, it measures nothing.
      await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2)).until(() -> client
          .newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("allocate-and-pick")
              .state(ProcessInstanceState.COMPLETED)).send().join().page().totalItems() >= ORDERS);
    }

    // then exactly 50 orders reserved a unit and shipped it, none twice, and the rest were backordered
    List<Map<String, Object>> movements = api.items("/api/inventory/movements?sku=HX-9301&size=1000");
    List<Object> reservedBy = movements.stream().filter(m -> m.get("kind").equals("RESERVED")).map(m -> m.get("reference")).toList();
    List<Object> shippedBy = movements.stream().filter(m -> m.get("kind").equals("SHIPPED")).map(m -> m.get("reference")).toList();
    assertThat(reservedBy).hasSize(UNITS).doesNotHaveDuplicates();
    assertThat(shippedBy).containsExactlyInAnyOrderElementsOf(reservedBy);
    assertThat(api.position("fc-west-1", "HX-9301")).containsEntry("onHand", 0).containsEntry("reserved", 0);
  }

  private static BpmnModelInstance allocateAndPick() {
    String receiveCenter = "if order.customerRegion = \"east\" then \"rc-east-1\" else \"rc-west-1\"";
    return Bpmn.createExecutableProcess("allocate-and-pick")
        .startEvent()
        .businessRuleTask("decide-fulfillment-type", t -> t.zeebeCalledDecisionId("fulfillment-type")
            .zeebeResultVariable("fulfillmentType").zeebeInputExpression("order.items", "items"))
        .serviceTask("allocate-in-region", t -> t.zeebeJobType("fulfillment.allocate")
            .zeebeInputExpression(receiveCenter, "siteId").zeebeInputExpression("\"REGION\"", "allocationScope"))
        .serviceTask("pick", t -> t.zeebeJobType("fulfillment.pick").zeebeInputExpression("fulfillmentSiteId", "siteId"))
        .endEvent("picked")
        .moveToActivity("allocate-in-region").boundaryEvent("out-of-stock-in-region").error("OUT_OF_STOCK")
        .serviceTask("allocate-in-network", t -> t.zeebeJobType("fulfillment.allocate")
            .zeebeInputExpression(receiveCenter, "siteId").zeebeInputExpression("\"NETWORK\"", "allocationScope"))
        .connectTo("pick")
        .moveToActivity("allocate-in-network").boundaryEvent("out-of-stock-everywhere").error("OUT_OF_STOCK")
        .endEvent("backordered")
        .done();
  }

  private static Path createHome() {
    try {
      return Files.createTempDirectory("milepost-no-oversell-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
