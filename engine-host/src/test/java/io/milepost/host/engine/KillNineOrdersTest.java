package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of engine-host three times while orders flow through the network's real model
 * ({@code bpmn/order-fulfillment.bpmn}) and its bundled plugins, then a last start: every order whose creation
 * was acknowledged completes, each exactly once, every step it took is in the step records, and no stock is
 * reserved or moved twice (the ledger and the positions agree, and every order moved the same stock).
 */
class KillNineOrdersTest {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final int KILLS = 3;
  private static final int ORDERS_BEFORE_KILL = 8;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path home;

  @Test
  void shouldCompleteEveryAcknowledgedOrderExactlyOnceAcrossThreeKills() throws Exception {
    int port = HostProcess.freePort();
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < KILLS; round++) {
      // given a host with orders flowing through its plugins
      HostProcess host = start(port);
      int target = acknowledged.size() + ORDERS_BEFORE_KILL;
      Thread orders = Thread.ofVirtual().start(placeOrders(host, "r" + round, acknowledged));
      await("orders acknowledged in round " + round).atMost(Duration.ofMinutes(2))
          .until(() -> acknowledged.size() >= target);
      // when it is killed while orders are still being placed and worked on
      host.kill();
      orders.join();
    }

    // then, started once more, it completes every acknowledged order
    try (HostProcess host = start(port); CamundaClient client = host.client()) {
      for (long order : acknowledged) {
        await("order instance " + order + " completed").atMost(Duration.ofMinutes(3)).until(() ->
            client.newProcessInstanceGetRequest(order).send().join().getState() == ProcessInstanceState.COMPLETED);
      }
    }
    try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data").resolve("milepost"),
        "", "")) { // the host's embedded H2 user: Spring Boot's, no name
      // ... each order's steps are recorded, all six of them completed (a step cut off by the kill may have run twice)
      Map<Long, Map<String, Integer>> completedSteps = completedSteps(store);
      for (long order : acknowledged) {
        assertThat(completedSteps.get(order)).as("completed steps of order instance %d", order)
            .containsOnlyKeys("fulfillment.allocate", "fulfillment.pick", "fulfillment.pack", "fulfillment.slam",
                "fulfillment.sort", "fulfillment.deliver");
      }
      // ... no change to stock was booked twice: positions equal their ledger, and every order moved the same stock
      assertThat(positionsOffTheirLedger(store)).isEmpty();
      Map<Long, String> stockMoved = stockMovedPerOrder(store);
      assertThat(acknowledged).allSatisfy(order ->
          assertThat(stockMoved.get(order)).as("stock moved by order instance %d", order)
              .isEqualTo(stockMoved.get(acknowledged.iterator().next())).isNotBlank());
      long reruns = completedSteps.values().stream().flatMap(steps -> steps.values().stream()).filter(n -> n > 1).count();
      System.out.printf("kill -9 x%d: %d acknowledged orders completed; %d steps completed twice (cut off by a kill)%n",
          KILLS, acknowledged.size(), reruns);
    }
  }

  private HostProcess start(int port) throws Exception {
    return HostProcess.start(home, port, "--milepost.bpmn-dir=" + MODELS,
        // jobs a killed host had activated come back after this, not after the default 5 minutes
        "--milepost.worker.step-timeout=5s", "--milepost.worker.job-timeout=10s");
  }

  /** Places sortable orders one after another until the host stops answering. */
  private static Runnable placeOrders(HostProcess host, String round, Set<Long> acknowledged) {
    return () -> {
      try (CamundaClient client = host.client()) {
        for (int i = 0; ; i++) {
          Map<String, Object> order = JSON.readValue("""
              {"orderId": "o-%s-%d", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
                {"sku": "BK-1001", "quantity": 1, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}"""
              .formatted(round, i), new TypeReference<Map<String, Object>>() {});
          acknowledged.add(client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
              .variables(Map.of("order", order)).send().join().getProcessInstanceKey());
        }
      } catch (RuntimeException hostKilled) {
        // the host is gone: this round's orders end here
      }
    };
  }

  private static Map<Long, Map<String, Integer>> completedSteps(Connection store) throws SQLException {
    Map<Long, Map<String, Integer>> steps = new HashMap<>();
    try (Statement statement = store.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT process_instance_key, job_type, COUNT(*) FROM step_record WHERE outcome = 'COMPLETED' "
            + "GROUP BY process_instance_key, job_type")) {
      while (rows.next()) {
        steps.computeIfAbsent(rows.getLong(1), key -> new HashMap<>()).put(rows.getString(2), rows.getInt(3));
      }
    }
    return steps;
  }

  private static List<String> positionsOffTheirLedger(Connection store) throws SQLException {
    List<String> off = new ArrayList<>();
    try (Statement statement = store.createStatement(); ResultSet rows = statement.executeQuery("""
        SELECT p.site_id, p.sku, p.on_hand, p.reserved, SUM(m.on_hand_change), SUM(m.reserved_change)
        FROM inventory_position p JOIN inventory_movement m ON m.site_id = p.site_id AND m.sku = p.sku
        GROUP BY p.site_id, p.sku, p.on_hand, p.reserved
        HAVING p.on_hand <> SUM(m.on_hand_change) OR p.reserved <> SUM(m.reserved_change)""")) {
      while (rows.next()) {
        off.add(rows.getString(1) + "/" + rows.getString(2) + ": on hand " + rows.getInt(3) + ", reserved "
            + rows.getInt(4) + ", ledger " + rows.getInt(5) + "/" + rows.getInt(6));
      }
    }
    return off;
  }

  /** Per order instance, its stock movements (kind, site, SKU and changes), in one comparable text. */
  private static Map<Long, String> stockMovedPerOrder(Connection store) throws SQLException {
    Map<Long, List<String>> moves = new HashMap<>();
    try (Statement statement = store.createStatement(); ResultSet rows = statement.executeQuery("""
        SELECT process_instance_key, kind, site_id, sku, on_hand_change, reserved_change, in_transit_change
        FROM inventory_movement WHERE process_instance_key IS NOT NULL
        ORDER BY process_instance_key, kind, site_id, sku""")) {
      while (rows.next()) {
        moves.computeIfAbsent(rows.getLong(1), key -> new ArrayList<>()).add(rows.getString(2) + " " + rows.getString(3)
            + " " + rows.getString(4) + " " + rows.getInt(5) + "/" + rows.getInt(6) + "/" + rows.getInt(7));
      }
    }
    Map<Long, String> text = new HashMap<>();
    moves.forEach((order, list) -> text.put(order, String.join("; ", list)));
    return text;
  }
}
