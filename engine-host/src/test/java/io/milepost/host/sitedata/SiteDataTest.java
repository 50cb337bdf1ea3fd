package io.milepost.host.sitedata;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUserApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A process engineer re-slots a site without a new plugin build: the site's slotting is replaced over
 * the API, the next pick at that site uses it, and its step record names the data version it read.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SiteDataTest {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final Path HOME = createHome();
  private static final String ORDER_URL = "/api/sites/fc-west-1/data/slotting";

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.bpmn-dir", MODELS::toString);
  }

  @Test
  void shouldPickWithASitesNewSlottingFromTheNextJobOnAndRecordTheVersion() {
    DemoUserApi api = new DemoUserApi(port);
    var bundled = api.get(ORDER_URL);
    assertThat(bundled.statusCode()).isEqualTo(200);
    assertThat(bundled.headers().firstValue("Milepost-Data-Version")).hasValue("bundled");
    assertThat(bundled.body()).contains("MG-4001,P031-B-01");

    // a bad file changes nothing and says where it is wrong
    var refused = api.putCsv(ORDER_URL + "?reason=re-slot", "sku,location\nMG-4001,P099-Z-09\nMG-4001,P100-A-01\n");
    var unknownColumn = api.putCsv(ORDER_URL + "?reason=re-slot", "sku,location,aisle\nMG-4001,P099-Z-09,9\n");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("line 3: the key [sku] = [MG-4001] is already on line 2");
    assertThat(unknownColumn.body()).contains("line 1: expected the columns sku,location", "unknown: [aisle]");
    assertThat(api.get(ORDER_URL).headers().firstValue("Milepost-Data-Version")).hasValue("bundled");

    // the mug moves to pod P099
    var changed = api.json(api.putCsv(ORDER_URL + "?reason=mugs%20next%20to%20the%20pack%20station",
        "sku,location\nBK-1001,P012-A-02\nHD-2001,P012-C-04\nMG-4001,P099-Z-09\n"));
    assertThat(changed).containsEntry("version", 1).containsEntry("rows", 3);
    assertThat(api.get(ORDER_URL).body()).contains("MG-4001,P099-Z-09");
    assertThat(api.items("/api/audit?siteId=fc-west-1")).anySatisfy(entry -> assertThat(entry)
        .containsEntry("action", "SITE_DATA_CHANGED").containsEntry("reason", "mugs next to the pack station")
        .containsEntry("toVersion", "data:slotting@1").containsEntry("actor", "demo"));

    // the next order at the site is picked from there
    ProcessInstanceResult order;
    try (CamundaClient client = api.client()) {
      order = client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
          .variables(Map.of("order", Map.of("orderId", "o-sd-1", "customerRegion", "west", "destinationPostalCode", "94607",
              "items", List.of(Map.of("sku", "MG-4001", "quantity", 1, "weightKg", 0.35, "lengthCm", 12, "widthCm", 9,
                  "heightCm", 10, "category", "fragile")))))
          .withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
    }
    assertThat(order.getVariablesAsMap().get("pick").toString()).contains("location=P099-Z-09");
    List<Map<String, Object>> records = api.list("/api/step-records?processInstanceKey=" + order.getProcessInstanceKey());
    assertThat(records).filteredOn(record -> record.get("jobType").equals("fulfillment.pick")).singleElement()
        .satisfies(record -> assertThat(record).containsEntry("dataVersions", "slotting@1"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPackIntoTheSitesBoxesAndSortInTheSitesTimeZoneFromTheNextOrderOn() {
    DemoUserApi api = new DemoUserApi(port);
    // every bundled table is a data set the site's plugins declare, with its columns
    Map<String, Object> fcSets = api.json(api.get("/api/sites/fc-west-1/data"));
    assertThat(fcSets).containsKeys("slotting", "box-catalogue", "item-master");
    assertThat((Map<String, Object>) fcSets.get("box-catalogue")).containsEntry("version", "bundled")
        .containsEntry("columns", List.of("code:TEXT", "lengthCm:DECIMAL", "widthCm:DECIMAL", "heightCm:DECIMAL",
            "tareKg:DECIMAL", "maxWeightKg:DECIMAL"));
    assertThat(api.json(api.get("/api/sites/sc-west-1/data"))).containsKeys("sort-lanes", "truck-departures", "time-zone");
    assertThat(api.get("/api/sites/sc-west-1/data/time-zone").body()).isEqualTo("timeZone\nAmerica/Los_Angeles");

    // wrong types are refused with their line, and change nothing
    var badBox = api.putCsv("/api/sites/fc-west-1/data/box-catalogue?reason=new%20boxes",
        "code,lengthCm,widthCm,heightCm,tareKg,maxWeightKg\nB1,40,30,twenty,0.40,15\n");
    var badZone = api.putCsv("/api/sites/sc-west-1/data/time-zone?reason=moved", "timeZone\nAsia/Atlantis\n");
    assertThat(badBox.statusCode()).isEqualTo(400);
    assertThat(badBox.body()).contains("line 2: expected heightCm to be a number, but found 'twenty'");
    assertThat(badZone.body()).contains("line 2: expected timeZone to be a time zone id");
    assertThat(api.get("/api/sites/fc-west-1/data/box-catalogue").headers().firstValue("Milepost-Data-Version"))
        .hasValue("bundled");

    // the FC stocks only B1 boxes now; the sort center keeps Tokyo time (an exercise, not geography)
    assertThat(api.putCsv("/api/sites/fc-west-1/data/box-catalogue?reason=A%20boxes%20out%20of%20stock",
        "code,lengthCm,widthCm,heightCm,tareKg,maxWeightKg\nB1,40,30,20,0.40,15\n").statusCode()).isEqualTo(200);
    assertThat(api.putCsv("/api/sites/sc-west-1/data/time-zone?reason=night%20shift%20drill", "timeZone\nAsia/Tokyo\n")
        .statusCode()).isEqualTo(200);

    // the next order uses both, and its step records say so
    ProcessInstanceResult order;
    try (CamundaClient client = api.client()) {
      order = client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
          .variables(Map.of("order", Map.of("orderId", "o-sd-2", "customerRegion", "west", "destinationPostalCode", "94607",
              "items", List.of(Map.of("sku", "BK-1001", "quantity", 1, "weightKg", 0.4, "lengthCm", 20, "widthCm", 13,
                  "heightCm", 3, "category", "books")))))
          .withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
    }
    Map<String, Object> variables = order.getVariablesAsMap();
    assertThat((Map<String, Object>) variables.get("package")).containsEntry("boxCode", "B1");
    assertThat((String) ((Map<String, Object>) variables.get("sort")).get("truckDeparture")).endsWith("+09:00");
    List<Map<String, Object>> records = api.list("/api/step-records?processInstanceKey=" + order.getProcessInstanceKey());
    assertThat(records).filteredOn(record -> record.get("jobType").equals("fulfillment.pack")).singleElement()
        .satisfies(record -> assertThat(record).containsEntry("dataVersions", "box-catalogue@1"));
    assertThat(records).filteredOn(record -> record.get("jobType").equals("fulfillment.sort")).singleElement()
        .satisfies(record -> assertThat((String) record.get("dataVersions")).contains("time-zone@1", "sort-lanes@bundled"));
  }

  private static Path createHome() {
    try {
      return Files.createTempDirectory("milepost-site-data-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
