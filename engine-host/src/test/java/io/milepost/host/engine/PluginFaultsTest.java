package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.testing.DemoUser;
import io.milepost.host.testing.TestPluginJar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that hang (ignoring interrupts), throw, and allocate without bound, in a host whose heap is small
 * (a child JVM with 384 MB): each such job ends in an incident that says what happened, while the host stays
 * healthy, its API keeps answering, and a well-behaved plugin's steps still complete.
 */
class PluginFaultsTest {

  private static final String SITE = "test-west-1";
  /**
   * How long a request may take: while the heap is exhausted the collector stops the host for seconds at a time,
   * longer still on a 2-core machine busy with other builds. That the API answers is asserted here, not how fast.
   */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

  @TempDir
  Path home;

  @Test
  void shouldStayHealthyAndAnswerWhilePluginsHangAndThrow() throws Exception {
    try (HostProcess host = startHost(); CamundaClient client = host.client()) {
      // when each unruly step runs three times
      List<Long> hanging = start(client, "hangs", 3);
      List<Long> throwing = start(client, "throws", 3);

      // then every one of those jobs ends in an incident that says what happened ...
      assertIncidents(client, throwing, List.of(), "java.lang.IllegalStateException: scale offline at dock 4");
      assertIncidents(client, hanging, List.of(), "did not finish within its budget of 2000 ms");
      // ... while the steady plugin's step still completes, the API answers and the host is healthy
      assertStillServing(host, client);
    }
  }

  /**
   * Run on demand ({@code -Dmilepost.heap-fault-test=true}), not in the default build: on a CPU-starved machine it
   * failed in 5 of 10 runs on 28 Nov (load 10 to 38 on 2 cores), once for a reason not established (one job without
   * an incident after 2 minutes); the last runs, at load 6 to 9, passed. A gate that fails by chance is worse than
   * none, so it runs where its figures are taken (README, reliability).
   */
  @Test
  @EnabledIfSystemProperty(named = "milepost.heap-fault-test", matches = "true")
  void shouldStayHealthyAndAnswerWhileAPluginExhaustsTheHeap() throws Exception {
    try (HostProcess host = startHost(); CamundaClient client = host.client()) {
      try (ApiProbe probe = ApiProbe.start(host)) {
        // when the allocating step runs three times, while a client keeps searching incidents over plain HTTP
        long started = System.nanoTime();
        List<Long> allocating = start(client, "allocates", 3);

        // then each ends in one incident: its call ran out of memory, or ran past its budget while the collector
        // struggled, and the message says how much the call had allocated ...
        assertIncidents(client, allocating, List.of("unruly", "MB"), "ran out of memory (java.lang.OutOfMemoryError",
            "did not finish within its budget of 2000 ms");
        // ... the abandoned calls end by running out of memory themselves (none stuck any more) ...
        await("no plugin call stuck").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .ignoreExceptionsInstanceOf(IOException.class) // no answer within a minute while the collector thrashes
            .until(() -> get(host, "/actuator/metrics/milepost.step.stuck"), stuck -> stuck.contains("\"value\":0.0"));
        // ... and all the while the API answered 200 or a 503 that says to retry, never a 500 (a connection the host
        // closed while its heap was exhausted is retried, as clients do) ...
        List<String> answers = probe.answers();
        // what the run saw, for the README's figures (not asserted: how many 503s depends on the machine)
        System.out.printf("API probe: %d requests, %d answered 200, %d answered 503, %d without answer, in the %d s "
            + "until no call was stuck%n", answers.size(), answers.stream().filter("200"::equals).count(),
            answers.stream().filter(answer -> answer.startsWith("503")).count(),
            answers.stream().filter(answer -> answer.startsWith("no answer")).count(),
            Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertThat(answers).contains("200").allSatisfy(answer -> assertThat(answer)
            .matches("(?s)200|503 Retry-After 1 .*\"title\":\"UNAVAILABLE\".*ran out.*|no answer: .*"));
      }
      // ... the steady plugin's step completes, the API answers and the host is healthy
      assertStillServing(host, client);
    }
  }

  /** A site that runs an unruly plugin for three steps and a steady one for a fourth, in a host with a small heap. */
  private HostProcess startHost() throws Exception {
    Path plugins = home.resolve("data").resolve("plugins");
    TestPluginJar.plugin("unruly", "1.0.0")
        .handler("fault.hangs", "while (true) { try { Thread.sleep(1_000); } catch (InterruptedException ignored) { } }")
        .handler("fault.throws", "throw new IllegalStateException(\"scale offline at dock 4\");")
        .handler("fault.allocates", "List<long[]> hoard = new ArrayList<>(); while (true) { hoard.add(new long[1 << 20]); }")
        .writeTo(plugins);
    TestPluginJar.plugin("steady", "1.0.0")
        .handler("fault.answers", "return StepResult.complete(Map.of(\"answered\", true));")
        .writeTo(plugins);
    HostProcess host = HostProcess.start(List.of("-Xmx384m"), home, HostProcess.freePort(),
        "--milepost.worker.step-timeout=2s",
        "--milepost.sites[0].id=" + SITE, "--milepost.sites[0].name=Test West",
        "--milepost.sites[0].building-type=SORTABLE_FC", "--milepost.sites[0].region=west",
        "--milepost.sites[0].plugins.unruly=1.0.0", "--milepost.sites[0].plugins.steady=1.0.0");
    try (CamundaClient client = host.client()) {
      for (String step : List.of("hangs", "throws", "allocates", "answers")) {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("fault-" + step).startEvent()
            .serviceTask("step", t -> t.zeebeJobType("fault." + step).zeebeJobRetries("1")).endEvent().done(),
            "fault-" + step + ".bpmn").send().join();
      }
    }
    return host;
  }

  private static void assertStillServing(HostProcess host, CamundaClient client) throws Exception {
    assertThat(client.newCreateInstanceCommand().bpmnProcessId("fault-answers").latestVersion()
        .variables(Map.of("siteId", SITE)).withResult().requestTimeout(ANSWER_WITHIN).send().join()
        .getVariablesAsMap()).containsEntry("answered", true);
    assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    assertThat(health(host)).contains("\"status\":\"UP\"");
  }

  private static List<Long> start(CamundaClient client, String step, int count) {
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(await("an instance of fault-" + step).atMost(ANSWER_WITHIN)
          .ignoreExceptionsMatching(PluginFaultsTest::transportFailure)
          .until(() -> client.newCreateInstanceCommand().bpmnProcessId("fault-" + step).latestVersion()
              .variables(Map.of("siteId", SITE)).requestTimeout(ANSWER_WITHIN).send().join().getProcessInstanceKey(),
              key -> key > 0));
    }
    return keys;
  }

  /**
   * The connection failed without an answer (the host closed it: a heap that ran out inside the web server's own
   * code closes the connection): a client retries that, as it would any dropped connection. An HTTP answer, a 500
   * among them, is no transport failure.
   */
  private static boolean transportFailure(Throwable failure) {
    return failure instanceof ClientException && !(failure instanceof ClientHttpException);
  }

  /** Each instance has one incident whose message contains each of {@code required} and one of {@code texts}. */
  private static void assertIncidents(CamundaClient client, List<Long> instances, List<String> required,
      String... texts) {
    for (long instance : instances) {
      List<Incident> incidents = await("an incident on instance " + instance).atMost(Duration.ofMinutes(2))
          .ignoreExceptionsMatching(PluginFaultsTest::transportFailure)
          .until(() -> client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance))
              .requestTimeout(ANSWER_WITHIN).send().join().items(), found -> !found.isEmpty());
      System.out.println("Incident on instance " + instance + ": " + incidents.getFirst().getErrorMessage());
      assertThat(incidents).singleElement().satisfies(incident -> {
        required.forEach(text -> assertThat(incident.getErrorMessage()).contains(text));
        assertThat(incident.getErrorMessage()).containsAnyOf(texts);
      });
    }
  }

  /**
   * A client that searches incidents over plain HTTP, one request after the other, for as long as it is open:
   * plain HTTP shows every answer, where the official client would retry a 503 by itself.
   */
  private static final class ApiProbe implements AutoCloseable {
    private final List<String> answers = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Thread thread;
    private volatile boolean open = true;

    private ApiProbe(HostProcess host) {
      HttpRequest search = HttpRequest.newBuilder(URI.create("http://localhost:" + host.port() + "/v2/incidents/search"))
          .header("Authorization", DemoUser.AUTHORIZATION).header("Content-Type", "application/json")
          .timeout(ANSWER_WITHIN).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
      thread = Thread.ofPlatform().name("api-probe").start(() -> {
        while (open) {
          answers.add(ask(search));
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    static ApiProbe start(HostProcess host) {
      return new ApiProbe(host);
    }

    private String ask(HttpRequest search) {
      try {
        HttpResponse<String> answer = http.send(search, HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? "200" : answer.statusCode() + " Retry-After "
            + answer.headers().firstValue("Retry-After").orElse("-") + " " + answer.body();
      } catch (IOException e) {
        return "no answer: " + e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }

    /** Stops asking and returns what every request was answered, in order. */
    List<String> answers() throws InterruptedException {
      close();
      return List.copyOf(answers);
    }

    @Override
    public void close() throws InterruptedException {
      open = false;
      thread.join();
      http.close();
    }
  }

  private static String health(HostProcess host) throws Exception {
    return get(host, "/actuator/health");
  }

  private static String get(HostProcess host, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + host.port() + path))
          .header("Authorization", DemoUser.AUTHORIZATION).timeout(ANSWER_WITHIN).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
