package io.milepost.host.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.response.UserTask;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUserApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Stock as a user of the demo network meets it: a vendor shipment of a SKU the network never had is
 * received through {@code bpmn/inbound-receiving.bpmn}, and an order for it through
 * {@code bpmn/order-fulfillment.bpmn} reserves and then ships those very units. Driven with the official
 * Camunda client and the inventory API, on the bundled plugins.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReceiveThenSellTest {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final Path HOME = createHome();

  @LocalServerPort
  int port;

  DemoUserApi api;
  CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.bpmn-dir", MODELS::toString);
  }

  @BeforeEach
  void openClient() {
    api = new DemoUserApi(port);
    client = api.client();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void shouldSellUnitsOfANewSkuOnceTheyAreReceived() {
    // given a SKU the network has never stocked, so an order for it would be backordered
    assertThat(api.items("/api/inventory?sku=DR-9101")).isEmpty();

    // when 40 units arrive at Reno and the associate counts them
    ProcessInstanceEvent inbound = client.newCreateInstanceCommand().bpmnProcessId("inbound-receiving").latestVersion()
        .variables(Map.of("shipment", Map.of("shipmentId", "s-9101", "vendor", "Acme Drones",
            "receiveCenterSiteId", "rc-west-1", "sku", "DR-9101", "expectedQuantity", 40, "unitWeightKg", 1.2,
            "lengthCm", 30, "widthCm", 20, "heightCm", 10)))
        .send().join();
    UserTask count = await().atMost(Duration.ofSeconds(30)).until(() -> client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(inbound.getProcessInstanceKey())).send().join().items(), tasks -> !tasks.isEmpty())
        .getFirst();
    client.newCompleteUserTaskCommand(count.getUserTaskKey())
        .variables(Map.of("receivedQuantity", 40, "damagedQuantity", 0, "inspectionPassed", true)).send().join();

    // then the units are on hand at the sortable FC nearest to Reno (no demand on record for the SKU)
    await().atMost(Duration.ofSeconds(30)).until(() -> api.position("fc-west-1", "DR-9101").get("onHand").equals(40));
    assertThat(api.position("fc-west-1", "DR-9101")).containsEntry("inTransit", 0).containsEntry("available", 40);
    assertThat(api.items("/api/inventory/movements?reference=s-9101"))
        .extracting(m -> m.get("kind") + " " + m.get("siteId") + " " + m.get("inTransitChange") + "/" + m.get("onHandChange"))
        .containsExactly("IN_TRANSIT fc-west-1 40/0", "ARRIVED fc-west-1 -40/40");

    // when a west customer orders 2 of them
    ProcessInstanceResult order = client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", Map.of("orderId", "o-9101", "customerRegion", "west", "destinationPostalCode", "94607",
            "items", List.of(Map.of("sku", "DR-9101", "quantity", 2, "weightKg", 1.2, "lengthCm", 30, "widthCm", 20,
                "heightCm", 10)))))
        .withResult().requestTimeout(Duration.ofSeconds(60)).send().join();

    // then it was allocated from that stock, reserved, and the pick drew the reservation down
    assertThat(order.getVariablesAsMap()).containsEntry("fulfillmentSiteId", "fc-west-1");
    assertThat(api.items("/api/inventory/movements?reference=o-9101"))
        .extracting(m -> m.get("kind") + " " + m.get("step") + " " + m.get("siteId") + " " + m.get("onHandChange") + "/"
            + m.get("reservedChange"))
        .containsExactly("RESERVED fulfillment.allocate fc-west-1 0/2", "SHIPPED fulfillment.pick fc-west-1 -2/-2");
    assertThat(api.position("fc-west-1", "DR-9101")).containsEntry("onHand", 38).containsEntry("reserved", 0)
        .containsEntry("available", 38);
  }

  @Test
  void shouldStartTheDemoNetworkWithItsStock() {
    assertThat(api.items("/api/sites/fc-west-1/inventory")).extracting(p -> p.get("sku") + "=" + p.get("onHand"))
        .contains("BK-1001=120", "HD-2001=300", "GM-6001=25");
    assertThat(api.items("/api/inventory/movements?siteId=nfc-east-1&sku=TV-7001")).first()
        .satisfies(m -> assertThat(m).containsEntry("kind", "IMPORT").containsEntry("onHandChange", 9)
            .containsEntry("actor", InitialStock.ACTOR));
  }

  @Test
  void shouldSetUnitsOnHandFromAnImportAndRefuseABadFileWhole() {
    var imported = api.json(api.postCsv("/api/inventory/import", "siteId,sku,onHand\nfc-east-1,CM-9201,7\nnfc-west-1,CM-9202,3\n"));
    assertThat(imported).containsEntry("positions", 2);
    assertThat(api.position("fc-east-1", "CM-9201")).containsEntry("onHand", 7);

    var refused = api.postCsv("/api/inventory/import",
        "siteId,sku,onHand\nfc-east-1,CM-9201,70\nfc-moon-1,CM-9203,1\nfc-east-1,CM-9204,-2\nfc-east-1,CM-9201,1\n");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    assertThat(refused.body()).contains("line 3: expected a site of the network, but found 'fc-moon-1'",
        "line 4: expected onHand to be a whole number of 0 or more, but found '-2'",
        "line 5: fc-east-1,CM-9201 is already on line 2");
    assertThat(api.position("fc-east-1", "CM-9201")).containsEntry("onHand", 7);
    assertThat(api.items("/api/inventory?sku=CM-9204")).isEmpty();
  }

  @Test
  void shouldPageThroughPositions() {
    var first = api.json(api.get("/api/inventory?page=0&size=2"));
    var second = api.json(api.get("/api/inventory?page=1&size=2"));

    assertThat(first).containsEntry("page", 0).containsEntry("size", 2);
    @SuppressWarnings("unchecked")
    List<Object> firstItems = (List<Object>) first.get("items");
    @SuppressWarnings("unchecked")
    List<Object> secondItems = (List<Object>) second.get("items");
    assertThat(firstItems).hasSize(2);
    assertThat(secondItems).hasSize(2).doesNotContainAnyElementsOf(firstItems);
    assertThat(((Number) first.get("total")).intValue()).isGreaterThanOrEqualTo(18);
    assertThat(api.get("/api/sites/fc-moon-1/inventory").statusCode()).isEqualTo(404);
  }

  private static Path createHome() {
    try {
      return Files.createTempDirectory("milepost-receive-then-sell-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
