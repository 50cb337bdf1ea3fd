package io.milepost.host.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskState;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.PageSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: the page-speed benchmark of the web UI, run on demand with
 * {@code ./mvnw -o -q -pl engine-host -am test -Dtest=PageSpeedMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmilepost.measure.pages=100000} (optionally {@code -Dmilepost.measure.dir=/tmp/page-speed}). It starts the
 * whole host on an H2 file store and fills it once per directory: a tenth of the given number of instances wait at
 * an open user task at one of six sites (started through the in-process engine API), the rest are completed orders;
 * {@value #ENGINE_COMPLETED} of those run through the engine and are then copied in SQL with new keys and order
 * ids (running 90,000 through the engine on a shared two-core machine takes most of an hour). It signs in as an
 * admin and as an associate of one site, and times each page over HTTP: p50, p95 and max of
 * {@code -Dmilepost.measure.runs} (default 50) requests after a warm-up. It prints a Markdown table and writes it
 * to {@code target/page-speed.md}.
 */
class PageSpeedMeasurement {

  private static final int RUNS = Integer.getInteger("milepost.measure.runs", 50);
  private static final List<String> SITES = List.of("fc-west-1", "sc-west-1", "ds-west-1", "fc-east-1", "sc-east-1",
      "ds-east-1");
  private static final int ENGINE_COMPLETED = 2_000;
  /** Keys the engine gave out stay below this; copies are shifted by whole billions above it. */
  private static final long ORIGINAL_KEYS_BELOW = 2_251_799_813_685_248L + 900_000_000L;

  @Test
  void measure() throws Exception {
    String n = System.getProperty("milepost.measure.pages");
    assumeTrue(n != null, "a measurement, run only with -Dmilepost.measure.pages=<instances>");
    int instances = Integer.parseInt(n);
    Path dir = Files.createDirectories(Path.of(System.getProperty("milepost.measure.dir", "/tmp/page-speed"))
        .resolve("store-" + instances));
    try (ConfigurableApplicationContext host = new SpringApplicationBuilder(MilepostApplication.class).run(
        "--server.port=0", "--milepost.grpc.port=0", "--milepost.data-dir=" + dir,
        "--milepost.bpmn-dir=" + Path.of("..", "bpmn").toAbsolutePath().normalize(),
        "--milepost.security.users[0].username=demo", "--milepost.security.users[0].password=demo",
        "--milepost.security.users[0].roles[0]=admin",
        "--milepost.security.users[1].username=ana", "--milepost.security.users[1].password=ana-pages",
        "--milepost.security.users[1].roles[0]=associate", "--milepost.security.users[1].sites[0]=fc-west-1")) {
      Engine engine = host.getBean(Engine.class);
      fillOnce(engine, host.getBean(DataSource.class), instances);
      int port = host.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      PageSession admin = PageSession.signIn(port, "demo", "demo");
      PageSession associate = PageSession.signIn(port, "ana", "ana-pages");

      long someTask = engine.queries().searchUserTasks(new UserTaskFilter(null, UserTaskState.CREATED, null, null,
          null, null, "bench-check", null), PageRequest.first(1)).items().getFirst().key();
      long someInstance = engine.queries().searchProcessInstances(new ProcessInstanceFilter(null, "bench-done", null,
          null, null, null, null), new PageRequest(0, 1, true)).items().getFirst().key();
      long checkDefinition = engine.queries().searchProcessDefinitions(new ProcessDefinitionFilter(null,
          "bench-check", null, true), PageRequest.first(1)).items().getFirst().key();
      String someOrder = "o-" + (instances / 10 + 1000);
      int withSomeOrder = engine.queries().searchProcessInstances(new ProcessInstanceFilter(null, null, null, null,
          null, null, null, true, null, null, someOrder, null), PageRequest.first(5)).items().size();
      if (withSomeOrder != 1) {
        throw new IllegalStateException("Expected one instance with order id " + someOrder + ", but found "
            + withSomeOrder + " (a store filled before business ids were recorded? use a new measure.dir)");
      }

      Map<String, String> adminPages = new LinkedHashMap<>();
      adminPages.put("/ (home)", "/");
      adminPages.put("task list, all sites, by due date", "/tasks");
      adminPages.put("task list, unassigned, by priority", "/tasks?show=UNASSIGNED&sort=PRIORITY");
      adminPages.put("task list, candidate group, page 50", "/tasks?group=floor-2&page=50");
      adminPages.put("task (form)", "/tasks/" + someTask);
      adminPages.put("processes", "/operations/processes");
      adminPages.put("process diagram with counts", "/operations/processes/" + checkDefinition);
      adminPages.put("instances, newest", "/operations/instances");
      adminPages.put("instances, ACTIVE", "/operations/instances?state=ACTIVE");
      adminPages.put("instances, by order id", "/operations/instances?businessId=" + someOrder);
      adminPages.put("instances, by site", "/operations/instances?siteId=sc-east-1");
      adminPages.put("instances, process and time range", "/operations/instances?process=bench-done"
          + "&from=2020-01-01T00:00&to=2100-01-01T00:00");
      adminPages.put("instance", "/operations/instances/" + someInstance);
      adminPages.put("deploy", "/operations/deploy");
      adminPages.put("rollouts", "/rollouts");
      adminPages.put("plugins", "/plugins");
      adminPages.put("sites", "/network");
      adminPages.put("audit", "/audit");
      Map<String, String> associatePages = new LinkedHashMap<>();
      associatePages.put("task list, associate of one site", "/tasks");
      associatePages.put("task list, associate, assigned to me", "/tasks?show=MINE");

      StringBuilder table = new StringBuilder("| page | path | p50 ms | p95 ms | max ms |\n|---|---|---:|---:|---:|\n");
      time(admin, adminPages, table);
      time(associate, associatePages, table);
      String report = "%d instances (%d open user tasks), %d requests per page after %d warm-up, H2 file store%n%n%s"
          .formatted(instances, instances / 10, RUNS, RUNS / 2, table);
      System.out.println(report);
      Files.writeString(Path.of("target", "page-speed.md"), report);
    }
  }

  private static void time(PageSession browser, Map<String, String> pages, StringBuilder table) {
    for (Map.Entry<String, String> page : pages.entrySet()) {
      for (int i = 0; i < RUNS / 2; i++) {
        check(browser.get(page.getValue()), page.getValue());
      }
      double[] millis = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> response = browser.get(page.getValue());
        millis[i] = (System.nanoTime() - t0) / 1e6;
        check(response, page.getValue());
      }
      Arrays.sort(millis);
      table.append("| %s | `%s` | %.1f | %.1f | %.1f |%n".formatted(page.getKey(), page.getValue().replace("|", "\\|"),
          millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1], millis[RUNS - 1]));
    }
  }

  private static void check(HttpResponse<String> response, String path) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Expected 200 from " + path + ", but it was " + response.statusCode());
    }
  }

  /** Fills the store through the engine, once per directory: a tenth wait at a user task, the rest completed. */
  private static void fillOnce(Engine engine, DataSource store, int instances) throws Exception {
    if (!engine.queries().searchProcessInstances(new ProcessInstanceFilter(null, "bench-done", null, null, null,
        null, null), PageRequest.first(1)).items().isEmpty()) {
      return;
    }
    engine.deploy(List.of(resource("bench-check.bpmn"), resource("bench-done.bpmn"), resource("bench-check.form")));
    long t0 = System.nanoTime();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    int threads = 8;
    int tasks = instances / 10;
    int done = Math.min(instances - tasks, ENGINE_COMPLETED);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          for (int i = first; i < tasks + done; i += threads) {
            String site = SITES.get(i % SITES.size());
            Map<String, Object> order = Map.of("orderId", "o-" + i, "customerRegion", site.endsWith("west-1")
                ? "west" : "east");
            if (i < tasks) {
              engine.createProcessInstance(CreateProcessInstance.latest("bench-check", Map.of("order", order,
                  "site", site, "group", "floor-" + (i % 4), "priority", i % 100,
                  "due", now.plus(i % 2000 - 500, ChronoUnit.MINUTES).toString())));
            } else {
              engine.createProcessInstance(CreateProcessInstance.latest("bench-done", Map.of("order", order,
                  "site", site)));
            }
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    }
    int copies = (instances - tasks - done) / ENGINE_COMPLETED;
    try (Connection connection = store.getConnection()) {
      for (int copy = 1; copy <= copies; copy++) {
        copyCompleted(connection, copy);
      }
    }
    System.out.printf("filled %d instances in %.1f s (%d through the engine)%n", tasks + done
        + copies * ENGINE_COMPLETED, (System.nanoTime() - t0) / 1e9, tasks + done);
  }
  /**
   * Copies the completed orders the engine ran (their instance, element, variable and business-id rows) with shifted
   * keys and new order ids.
   */
  private static void copyCompleted(Connection connection, int copy) throws SQLException {
    long shift = copy * 1_000_000_000L;
    String originals = "SELECT process_instance_key FROM process_instance WHERE bpmn_process_id = 'bench-done'"
        + " AND state = 'COMPLETED' AND process_instance_key < " + ORIGINAL_KEYS_BELOW;
    for (String table : List.of("process_instance", "element_instance", "variable", "business_id")) {
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = connection.getMetaData().getColumns(null, null, table.toUpperCase(), null)) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME").toLowerCase());
        }
      }
      List<String> values = columns.stream().map(column -> switch (column) {
        case "process_instance_key", "element_instance_key", "flow_scope_key", "variable_key", "scope_key",
             "parent_process_instance_key", "parent_element_instance_key" -> column + " + " + shift;
        case "value_json" -> "REPLACE(value_json, '\"o-', '\"o-c" + copy + "-')";
        case "business_id" -> "REPLACE(business_id, 'o-', 'o-c" + copy + "-')";
        default -> column;
      }).toList();
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
            + String.join(", ", values) + " FROM " + table + " WHERE process_instance_key IN (" + originals + ")");
      }
    }
  }

  private static DeploymentResource resource(String name) throws IOException {
    try (InputStream in = PageSpeedMeasurement.class.getResourceAsStream("/page-speed/" + name)) {
      return new DeploymentResource(name, in.readAllBytes());
    }
  }
}
