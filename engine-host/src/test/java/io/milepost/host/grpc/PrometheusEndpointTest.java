package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Prometheus server scrapes after an order has run: the engine's figures (commands, their time queued and to
 * their answer, commit time, checkpoint time on H2, queue, jobs handed to polls and pushed to gRPC streams, open incidents) and the step
 * metrics per job type, site and plugin version; and every series the Grafana dashboard
 * (ops/grafana/milepost.json) charts.
 */
class PrometheusEndpointTest extends GrpcGatewayTestSupport {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "milepost.json").toAbsolutePath().normalize();
  private static final Pattern SERIES = Pattern.compile("milepost_[a-z_]+");
  private static final Duration NO_POLLING = Duration.ofHours(1);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  JobStreamRegistry streams;

  @Test
  void shouldExposeTheEngineAndStepSeriesTheDashboardChartsAfterAnOrder() {
    String before = scrape();
    try (CamundaClient demo = demoClient()) {
      ProcessInstanceResult order = runAnOrder(demo);
      assertThat(order.getVariablesAsMap()).containsKey("delivery");
      runAJobThroughAJobStream(demo);
      runAJobThroughALongPoll(demo);
    }

    String scrape = scrape();

    assertThat(scrape).contains(
        "milepost_engine_commands_total{outcome=\"accepted\"}",
        "milepost_engine_commands_total{outcome=\"rejected\"}",
        "milepost_engine_commit_seconds_bucket{",
        "milepost_engine_commit_seconds_count ",
        "milepost_engine_queue_commands ",
        "milepost_engine_jobs_activated_total{jobType=\"metrics.polled\"} 1.0",
        "milepost_engine_jobs_pushed_total{jobType=\"metrics.streamed\"} 1.0",
        "milepost_engine_incidents_open ",
        "milepost_engine_history_deleted_instances_total ");
    // the order's step records and stock went in the engine's journal; none made the engine store H2's pages (the
    // host's migrations at start did, before its tables were journaled)
    assertThat(hostCommits(scrape, "journal")).as("host commits journaled during the order")
        .isGreaterThan(hostCommits(before, "journal"));
    assertThat(hostCommits(scrape, "pages")).as("host commits stored as pages by the end of the order")
        .isEqualTo(hostCommits(before, "pages"));
    assertThat(counter(scrape, "milepost_engine_journal_written_bytes_total"))
        .as("bytes the journal wrote during the order").isGreaterThan(counter(before,
            "milepost_engine_journal_written_bytes_total"));
    assertThat(scrape).containsPattern("milepost_step_seconds_count\\{jobType=\"fulfillment\\.pick\",outcome=\"COMPLETED\","
        + "pluginId=\"sortable-fc\",pluginVersion=\"1\\.0\\.0\",siteId=\"fc-east-1\"} [1-9]");
    assertThat(scrape).contains("milepost_step_seconds_bucket{jobType=\"fulfillment.deliver\"");
    // the host runs on H2 here: its commits are made durable by checkpoints, timed apart from the commits
    assertThat(scrape).contains("milepost_engine_checkpoint_seconds_bucket{")
        .containsPattern("milepost_engine_checkpoint_seconds_count [1-9]");
    // where a command's time went as its caller waited: queued behind the writer, and all of it to its answer
    assertThat(scrape).contains("milepost_engine_command_queued_seconds_bucket{", "milepost_engine_command_seconds_bucket{")
        .containsPattern("milepost_engine_command_queued_seconds_count [1-9]")
        .containsPattern("milepost_engine_command_seconds_count [1-9]");
    assertThat(seriesTheDashboardCharts()).as("series named in " + DASHBOARD).isNotEmpty()
        .allSatisfy(series -> assertThat(scrape).contains("\n" + series));
  }

  private static double hostCommits(String scrape, String via) {
    return counter(scrape, "milepost_engine_journal_host_commits_total{via=\"" + via + "\"}");
  }

  /** The value of the series {@code series}, written as it is scraped (name and labels). */
  private static double counter(String scrape, String series) {
    Matcher counter = Pattern.compile("\n" + Pattern.quote(series) + " (\\S+)").matcher(scrape);
    assertThat(counter.find()).as("the series %s", series).isTrue();
    return Double.parseDouble(counter.group(1));
  }

  private static ProcessInstanceResult runAnOrder(CamundaClient demo) {
    demo.newDeployResourceCommand()
        .addResourceFile(MODELS.resolve("problem-solve-weight.form").toString())
        .addResourceFile(MODELS.resolve("late-order.form").toString())
        .addResourceFile(MODELS.resolve("problem-solve-packing.form").toString())
        .addResourceFile(MODELS.resolve("fulfillment-type.dmn").toString())
        .addResourceFile(MODELS.resolve("late-order-threshold.dmn").toString())
        .addResourceFile(MODELS.resolve("slam-weight-tolerance.dmn").toString())
        .addResourceFile(MODELS.resolve("last-mile-delivery.bpmn").toString())
        .addResourceFile(MODELS.resolve("order-fulfillment.bpmn").toString())
        .send().join();
    return demo.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", Map.of("orderId", "o-3001", "customerRegion", "east", "destinationPostalCode", "11215",
            "items", List.of(Map.of("sku", "BK-1001", "quantity", 1, "weightKg", 0.4, "lengthCm", 20, "widthCm", 13,
                "heightCm", 3)))))
        .withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
  }

  /** A job created while a streaming worker (that never polls) listens is pushed to its gRPC stream. */
  private void runAJobThroughAJobStream(CamundaClient demo) {
    String processId = unique("metrics-streamed");
    demo.newDeployResourceCommand().addProcessModel(oneTask(processId, "metrics.streamed"), processId + ".bpmn")
        .send().join();
    try (JobWorker worker = demo.newWorker().jobType("metrics.streamed")
        .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join())
        .streamEnabled(true).pollInterval(NO_POLLING).open()) {
      // a gRPC connection takes seconds to set up on a loaded machine
      Awaitility.await("the worker's stream to be registered").atMost(Duration.ofSeconds(60))
          .until(() -> streams.openStreams("metrics.streamed") == 1);
      demo.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().withResult()
          .requestTimeout(Duration.ofSeconds(30)).send().join();
    }
  }

  /** A worker without a stream activates jobs by long polls over REST. */
  private static void runAJobThroughALongPoll(CamundaClient demo) {
    String processId = unique("metrics-polled");
    demo.newDeployResourceCommand().addProcessModel(oneTask(processId, "metrics.polled"), processId + ".bpmn")
        .send().join();
    try (JobWorker worker = demo.newWorker().jobType("metrics.polled")
        .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join()).open()) {
      demo.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().withResult()
          .requestTimeout(Duration.ofSeconds(30)).send().join();
    }
  }

  private CamundaClient demoClient() {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .restAddress(URI.create("http://localhost:" + restPort))
        // commands over REST; the streaming worker's stream is gRPC whatever this says
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(60))
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("demo").password("demo").build())
        .build();
  }

  /** The metric names in the Grafana dashboard's queries. */
  private static Set<String> seriesTheDashboardCharts() {
    Set<String> series = new TreeSet<>();
    for (JsonNode panel : JSON.readTree(DASHBOARD.toFile()).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher names = SERIES.matcher(target.path("expr").asString());
        while (names.find()) {
          series.add(names.group());
        }
      }
    }
    return series;
  }

  private String scrape() {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/actuator/prometheus"))
        .header("Authorization", "Basic ZGVtbzpkZW1v")
        .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
