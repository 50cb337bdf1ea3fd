package io.milepost.engine.query;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.VariableFilter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: a measurement of the searches as completed history grows, run on demand with
 * {@code -Dmilepost.measure.n=100000} (and optionally {@code -Dmilepost.measure.dir=/tmp/search-measure}). It fills
 * an H2 file store by direct inserts (once per directory and size), migrates it to the current schema, then times
 * each search (p50 / p99 over 200 runs, or -Dmilepost.measure.runs, H2's query cache off) and prints H2's EXPLAIN ANALYZE scan counts of the
 * statements the search issued.
 */
class SearchGrowthMeasurement {

  private static final int RUNS = Integer.getInteger("milepost.measure.runs", 200);
  private static final long BASE = 2_251_799_813_685_249L;

  @Test
  void measure() throws Exception {
    String n = System.getProperty("milepost.measure.n");
    assumeTrue(n != null, "a measurement, run only with -Dmilepost.measure.n=<completed instances>");
    int completed = Integer.parseInt(n);
    Path dir = Files.createDirectories(Path.of(System.getProperty("milepost.measure.dir", "/tmp/search-measure")));
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("store-" + completed) + ";QUERY_CACHE_SIZE=0");
    boolean empty;
    try (Connection c = h2.getConnection(); ResultSet r = c.getMetaData().getTables(null, null, "PROCESS_INSTANCE", null)) {
      empty = !r.next();
    }
    Flyway.configure().dataSource(h2).locations("classpath:db/migration/engine").load().migrate();
    if (empty) {
      long t0 = System.nanoTime();
      fill(h2, completed);
      System.out.printf("filled %d completed instances in %.1f s%n", completed, (System.nanoTime() - t0) / 1e9);
    }
    List<String> statements = new ArrayList<>();
    List<List<Object>> parameters = new ArrayList<>();
    DataSource recording = recording(h2, statements, parameters);
    JdbcEngineQueries queries = new JdbcEngineQueries(recording, JsonMapper.builder().build());
    long someInstance = BASE + 10L * (completed / 2);

    Map<String, Supplier<?>> searches = new LinkedHashMap<>();
    searches.put("process instances COMPLETED of sequence3, newest 50", () -> queries.searchProcessInstances(
        new ProcessInstanceFilter(null, "sequence3", null, null, ProcessInstanceState.COMPLETED, null, null),
        new PageRequest(0, 50, true)));
    searches.put("process instances COMPLETED, newest 50", () -> queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, null, null, ProcessInstanceState.COMPLETED, null, null),
        new PageRequest(0, 50, true)));
    searches.put("process instances of sequence3, newest 50", () -> queries.searchProcessInstances(
        new ProcessInstanceFilter(null, "sequence3", null, null, null, null, null), new PageRequest(0, 50, true)));
    searches.put("process instances ACTIVE, first 50", () -> queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, null, null, ProcessInstanceState.ACTIVE, null, null),
        PageRequest.first(50)));
    searches.put("process instances, first 50 (no filter)", () -> queries.searchProcessInstances(
        ProcessInstanceFilter.all(), PageRequest.first(50)));
    searches.put("jobs bench.step2 COMPLETED, first 50", () -> queries.searchJobs(
        new JobFilter(null, "bench.step2", JobState.COMPLETED, null), PageRequest.first(50)));
    searches.put("jobs bench.step2 CREATED, first 50", () -> queries.searchJobs(
        new JobFilter(null, "bench.step2", JobState.CREATED, null), PageRequest.first(50)));
    searches.put("user tasks COMPLETED, first 50", () -> queries.searchUserTasks(
        new UserTaskFilter(null, UserTaskState.COMPLETED, null, null, null, null, null, null), PageRequest.first(50)));
    searches.put("user tasks CREATED, first 50", () -> queries.searchUserTasks(
        new UserTaskFilter(null, UserTaskState.CREATED, null, null, null, null, null, null), PageRequest.first(50)));
    searches.put("incidents RESOLVED, first 50", () -> queries.searchIncidents(
        new IncidentFilter(null, null, null, null, IncidentState.RESOLVED, null, null), PageRequest.first(50)));
    searches.put("incidents ACTIVE, first 50", () -> queries.searchIncidents(
        new IncidentFilter(null, null, null, null, IncidentState.ACTIVE, null, null), PageRequest.first(50)));
    searches.put("jobs of one instance", () -> queries.searchJobs(
        new JobFilter(null, null, null, someInstance), PageRequest.defaults()));
    searches.put("variables of one instance", () -> queries.searchVariables(
        new VariableFilter(someInstance, null, null), PageRequest.defaults()));

    System.out.printf("%n%d completed instances%n", completed);
    for (Map.Entry<String, Supplier<?>> search : searches.entrySet()) {
      for (int i = 0; i < Math.max(3, RUNS / 2); i++) {
        search.getValue().get();
      }
      double[] millis = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        search.getValue().get();
        millis[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(millis);
      statements.clear();
      parameters.clear();
      search.getValue().get();
      List<String> scans = new ArrayList<>();
      for (int i = 0; i < statements.size(); i++) {
        scans.add(scanCounts(h2, statements.get(i), parameters.get(i)));
      }
      System.out.printf("| %s | %.2f / %.2f | %s |%n", search.getKey(), millis[RUNS / 2], millis[RUNS * 99 / 100],
          String.join("; ", scans));
    }
    if (Boolean.getBoolean("milepost.measure.plans")) {
      for (Map.Entry<String, Supplier<?>> search : searches.entrySet()) {
        statements.clear();
        parameters.clear();
        search.getValue().get();
        System.out.println("\n## " + search.getKey());
        for (int i = 0; i < statements.size(); i++) {
          System.out.println(explain(h2, statements.get(i), parameters.get(i)));
        }
      }
    }
  }

  /** Sums the scanCount comments of H2's EXPLAIN ANALYZE, per statement: "index=count, ...". */
  private static String scanCounts(DataSource h2, String sql, List<Object> parameters) throws SQLException {
    String plan = explain(h2, sql, parameters);
    List<String> found = new ArrayList<>();
    Matcher simple = Pattern.compile("scanCount: (\\d+)").matcher(plan);
    while (simple.find()) {
      found.add(simple.group(1));
    }
    return (sql.startsWith("SELECT COUNT") ? "count " : "page ") + "scanCount=" + String.join("+", found);
  }

  private static String explain(DataSource h2, String sql, List<Object> parameters) throws SQLException {
    try (Connection c = h2.getConnection(); PreparedStatement s = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        s.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        StringBuilder plan = new StringBuilder();
        while (r.next()) {
          plan.append(r.getString(1));
        }
        return plan.toString();
      }
    }
  }

  /** A DataSource that records each prepared statement's SQL and parameters. */
  private static DataSource recording(JdbcDataSource h2, List<String> statements, List<List<Object>> parameters) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("getConnection")) {
            return method.invoke(h2, args);
          }
          Connection connection = h2.getConnection();
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
              (cp, cm, ca) -> {
                if (!cm.getName().equals("prepareStatement")) {
                  return cm.invoke(connection, ca);
                }
                PreparedStatement statement = (PreparedStatement) cm.invoke(connection, ca);
                List<Object> values = new ArrayList<>();
                statements.add((String) ca[0]);
                parameters.add(values);
                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (sp, sm, sa) -> {
                      if (sm.getName().equals("setObject")) {
                        int index = (Integer) sa[0];
                        while (values.size() < index) {
                          values.add(null);
                        }
                        values.set(index - 1, sa[1]);
                      }
                      return sm.invoke(statement, sa);
                    });
              });
        });
  }

  /**
   * Per completed instance of "sequence3": the instance, its task's element instance, three completed jobs
   * (bench.step1..3) of that element instance, two variables, a completed user task, and every tenth a resolved
   * incident. Then 200 active instances with a created job of each type, a created user task and an active incident
   * each. Keys rise with time, as the engine hands them out.
   */
  private static void fill(DataSource dataSource, int completed) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO process_definition (process_definition_key, bpmn_process_id, version, name,"
            + " resource_name, checksum, deployment_key, tenant_id, bpmn_xml) VALUES (" + (BASE - 2)
            + ", 'sequence3', 1, 'sequence3', 'sequence3.bpmn', 'x', " + (BASE - 3) + ", '<default>', '<x/>')");
      }
      try (PreparedStatement pi = c.prepareStatement("INSERT INTO process_instance (process_instance_key,"
              + " process_definition_key, bpmn_process_id, version, state, start_time, end_time, incident_count,"
              + " tenant_id) VALUES (?, ?, 'sequence3', 1, ?, ?, ?, 0, '<default>')");
          PreparedStatement job = c.prepareStatement("INSERT INTO job (job_key, job_type, state, activatable_at,"
              + " retries, process_instance_key, element_instance_key, element_id, bpmn_process_id,"
              + " process_definition_key, process_version, custom_headers, kind, tenant_id, created_at)"
              + " VALUES (?, ?, ?, ?, 3, ?, ?, 'task', 'sequence3', ?, 1, '{}', 'BPMN_ELEMENT', '<default>', ?)");
          PreparedStatement element = c.prepareStatement("INSERT INTO element_instance (element_instance_key,"
              + " process_instance_key, flow_scope_key, element_id, element_type, state, start_time, end_time)"
              + " VALUES (?, ?, ?, 'task', 'SERVICE_TASK', ?, ?, ?)");
          PreparedStatement variable = c.prepareStatement("INSERT INTO variable (variable_key, scope_key,"
              + " process_instance_key, name, value_json, tenant_id) VALUES (?, ?, ?, ?, '1', '<default>')");
          PreparedStatement task = c.prepareStatement("INSERT INTO user_task (user_task_key, name, state,"
              + " candidate_groups, candidate_users, element_id, element_instance_key, process_instance_key,"
              + " process_definition_key, bpmn_process_id, process_version, created_at, completed_at,"
              + " custom_headers, tenant_id) VALUES (?, 'Check', ?, '[]', '[]', 'check', ?, ?, ?, 'sequence3', 1, ?,"
              + " ?, '{}', '<default>')");
          PreparedStatement incident = c.prepareStatement("INSERT INTO incident (incident_key, process_instance_key,"
              + " process_definition_key, bpmn_process_id, element_id, element_instance_key, error_type, state,"
              + " created_at, resolved_at, tenant_id) VALUES (?, ?, ?, 'sequence3', 'task', ?, 'JOB_NO_RETRIES', ?,"
              + " ?, ?, '<default>')")) {
        for (int i = 0; i < completed + 200; i++) {
          boolean done = i < completed;
          long key = BASE + 10L * i;
          long time = 1_700_000_000_000L + i;
          pi.setLong(1, key);
          pi.setLong(2, BASE - 2);
          pi.setString(3, done ? "COMPLETED" : "ACTIVE");
          pi.setLong(4, time);
          pi.setObject(5, done ? time + 5 : null);
          pi.addBatch();
          element.setLong(1, key + 4);
          element.setLong(2, key);
          element.setLong(3, key);
          element.setString(4, done ? "COMPLETED" : "ACTIVATED");
          element.setLong(5, time);
          element.setObject(6, done ? time + 5 : null);
          element.addBatch();
          for (int step = 1; step <= 3; step++) {
            job.setLong(1, key + step);
            job.setString(2, "bench.step" + step);
            job.setString(3, done ? "COMPLETED" : "CREATED");
            job.setObject(4, done ? null : time);
            job.setLong(5, key);
            job.setLong(6, key + 4);
            job.setLong(7, BASE - 2);
            job.setLong(8, time);
            job.addBatch();
          }
          for (int v = 0; v < 2; v++) {
            variable.setLong(1, key + 5 + v);
            variable.setLong(2, key);
            variable.setLong(3, key);
            variable.setString(4, "v" + v);
            variable.addBatch();
          }
          task.setLong(1, key + 7);
          task.setString(2, done ? "COMPLETED" : "CREATED");
          task.setLong(3, key + 4);
          task.setLong(4, key);
          task.setLong(5, BASE - 2);
          task.setLong(6, time);
          task.setObject(7, done ? time + 5 : null);
          task.addBatch();
          if (!done || i % 10 == 0) {
            incident.setLong(1, key + 8);
            incident.setLong(2, key);
            incident.setLong(3, BASE - 2);
            incident.setLong(4, key + 4);
            incident.setString(5, done ? "RESOLVED" : "ACTIVE");
            incident.setLong(6, time);
            incident.setObject(7, done ? time + 5 : null);
            incident.addBatch();
          }
          if (i % 1000 == 999) {
            for (PreparedStatement batch : List.of(pi, element, job, variable, task, incident)) {
              batch.executeBatch();
            }
            c.commit();
          }
        }
        for (PreparedStatement batch : List.of(pi, element, job, variable, task, incident)) {
          batch.executeBatch();
        }
        c.commit();
      }
    }
  }
}
