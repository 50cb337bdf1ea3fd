package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.testing.DemoUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL restarted while clients create instances: the commands in flight fail with a clear, retryable
 * 503, the engine reconnects by itself, and every instance whose creation was acknowledged is there after.
 * Runs a PostgreSQL of its own ({@link PrivatePostgres}), never the machine's shared one.
 */
class PostgresRestartTest {

  private static final int CLIENTS = 4;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path home;

  @Test
  void shouldAnswerRetryablyWhilePostgresRestartsAndKeepEveryAcknowledgedInstance() throws Exception {
    Path bin = PrivatePostgres.binaries().orElse(null);
    Assumptions.assumeTrue(bin != null, "initdb and pg_ctl are not on this machine: cannot run a PostgreSQL to restart");
    try (PrivatePostgres postgres = PrivatePostgres.start(bin, home, HostProcess.freePort());
        HostProcess host = HostProcess.start(home, HostProcess.freePort(),
            "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres");
        CamundaClient client = host.client();
        HttpClient http = HttpClient.newHttpClient()) {
      // given a host on that PostgreSQL and clients creating instances all the time
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("restart").startEvent()
          .serviceTask("pick", t -> t.zeebeJobType("restart.pick")).endEvent().done(), "restart.bpmn").send().join();
      Map<Long, Boolean> acknowledged = new ConcurrentHashMap<>();
      List<String> failures = new CopyOnWriteArrayList<>();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
      // plain HTTP, which shows every answer: the official client retries a 503 by itself (after its Retry-After)
      for (int i = 0; i < CLIENTS; i++) {
        clients.submit((Callable<Void>) () -> {
          while (running.get()) {
            HttpResponse<String> answer = create(http, host);
            if (answer.statusCode() == 200) {
              acknowledged.put(Long.parseLong(JSON.readTree(answer.body()).get("processInstanceKey").asString()), true);
            } else {
              failures.add(answer.statusCode() + " Retry-After " + answer.headers().firstValue("Retry-After").orElse("-")
                  + " " + answer.body());
            }
          }
          return null;
        });
      }
      await("instances acknowledged before the restart").atMost(Duration.ofMinutes(1))
          .until(() -> acknowledged.size() >= 50);

      // when PostgreSQL restarts (fast shutdown: every open connection is cut)
      postgres.restart();
      int beforeRestart = acknowledged.size();

      // then the engine takes commands again by itself ...
      await("instances acknowledged after the restart").atMost(Duration.ofMinutes(2))
          .until(() -> acknowledged.size() >= beforeRestart + 50);
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

      // ... what failed meanwhile said it is retryable, with nothing of the driver's text
      assertThat(failures).allSatisfy(failure -> assertThat(failure).startsWith("503 Retry-After 1 ")
          .contains("\"title\":\"UNAVAILABLE\"").contains("The engine's store failed to commit"));
      // ... and every acknowledged instance is there
      for (long instance : acknowledged.keySet()) {
        assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
            .isEqualTo(ProcessInstanceState.ACTIVE);
      }
      System.out.printf("PostgreSQL restart: %d instances acknowledged, %d creations refused as retryable%n",
          acknowledged.size(), failures.size());
    }
  }

  private static HttpResponse<String> create(HttpClient http, HostProcess host) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + host.port() + "/v2/process-instances"))
        .header("Content-Type", "application/json").header("Authorization", DemoUser.AUTHORIZATION)
        .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionId\": \"restart\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
