package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.testing.DemoUser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default H2 store's disk runs low: below {@code milepost.engine.min-free-disk} commands are refused with a clear,
 * retryable 503 before H2 writes them, so H2 never meets a full disk; nothing acknowledged is lost or half-written,
 * the host keeps answering reads (health DOWN, saying why) and takes commands again by itself once space is back,
 * without a restart. The data directory is a small tmpfs mounted by the test, which needs root (skipped, saying so,
 * otherwise). What happens when H2 itself meets a full disk (it closes its database) is ClosedDatabaseRecoveryTest's.
 */
class H2DiskFullTest {

  private static final String SIZE = "96m";
  private static final long MB = 1024 * 1024;
  private static final long WATERMARK = 16 * MB;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** How long the host may take to answer anything: it is idle but for this test. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  /** What every refusal says, before the figures of the moment. */
  private static final String WATERMARK_MESSAGE = "free, below milepost.engine.min-free-disk (16 MB): commands are "
      + "refused until space is freed";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failed run keeps the host's log
  Path home;

  private Path disk;

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void shouldRefuseRetryablyBelowTheFreeDiskWatermarkAndRecoverWhenSpaceIsBack() throws Exception {
    disk = Files.createDirectories(home.resolve("data"));
    if (!run("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", disk.toString())) {
      disk = null;
      Assumptions.abort("Cannot mount a " + SIZE + " tmpfs for the data directory (needs root): skipping the disk-full test");
    }
    try (HostProcess host = HostProcess.start(home, HostProcess.freePort(),
            "--milepost.plugins-dir=" + home.resolve("plugins"), "--milepost.plugin-store-dir=" + home.resolve("store"),
            "--milepost.engine.min-free-disk=" + WATERMARK / MB + "MB");
        CamundaClient client = host.client();
        HttpClient http = HttpClient.newHttpClient()) {
      // given a host whose data disk has 1 MB left above the watermark
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("full").startEvent()
          .serviceTask("pick", t -> t.zeebeJobType("full.pick")).endEvent().done(), "full.bpmn").send().join();
      Path filler = disk.resolve("filler");
      fill(filler, WATERMARK + MB);

      // when instances are created until the store's growth takes the disk below the watermark
      List<Long> acknowledged = new ArrayList<>();
      List<String> refusals = new ArrayList<>();
      for (int i = 0; i < 20_000 && refusals.size() < 20; i++) {
        HttpResponse<String> answer = send(http, create(host));
        if (answer.statusCode() == 200) {
          acknowledged.add(key(answer));
        } else {
          refusals.add(answer.statusCode() + " Retry-After " + answer.headers().firstValue("Retry-After").orElse("-")
              + " " + answer.body());
        }
      }

      // then they are refused retryably, saying what is free and what is expected (never a failed write of H2's)
      assertThat(refusals).hasSize(20).allSatisfy(refusal -> assertThat(refusal).startsWith("503 Retry-After 1 ")
          .contains("\"title\":\"UNAVAILABLE\"").contains("The data disk has ").contains(WATERMARK_MESSAGE));
      long usableWhenRefused = Files.getFileStore(disk).getUsableSpace();
      assertThat(usableWhenRefused).as("H2 never met a full disk").isGreaterThan(WATERMARK / 2);
      // and the host keeps answering: health says why it is DOWN, reads answer
      HttpResponse<String> health = send(http, get(host, "/actuator/health"));
      assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
      assertThat(health.body()).contains("\"status\":\"DOWN\"").contains(WATERMARK_MESSAGE);
      assertThat(send(http, get(host, "/v2/topology")).statusCode()).isEqualTo(200);
      HttpResponse<String> search = send(http, searchInstances(host));
      assertThat(search.statusCode()).as(search.body()).isEqualTo(200);

      // when space is freed
      Files.delete(filler);

      // then the host says UP again by itself, without a command or a restart, and takes commands
      await("health UP once space is back").atMost(Duration.ofSeconds(30))
          .until(() -> send(http, get(host, "/actuator/health")).statusCode() == 200);
      HttpResponse<String> after = send(http, create(host));
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      acknowledged.add(key(after));

      // and the store holds every acknowledged instance, whole (with its task), and nothing refused
      for (long instance : acknowledged) {
        assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
            .isEqualTo(ProcessInstanceState.ACTIVE);
      }
      assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("full")).send().join()
          .page().totalItems()).isEqualTo(acknowledged.size());
      assertThat(client.newElementInstanceSearchRequest().filter(f -> f.elementId("pick")).send().join()
          .page().totalItems()).isEqualTo(acknowledged.size());
      System.out.printf("H2 disk below watermark: %d instances acknowledged, %d refused with 503 (%d MB usable when "
          + "refused, watermark %d MB), accepted again after space came back%n", acknowledged.size() - 1,
          refusals.size(), usableWhenRefused / MB, WATERMARK / MB);
    }
  }

  /** Fills the disk but for {@code leftBytes}. */
  private static void fill(Path filler, long leftBytes) throws IOException {
    long room = Files.getFileStore(filler.getParent()).getUsableSpace() - leftBytes;
    byte[] block = new byte[(int) MB];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (long written = 0; written + block.length <= room; written += block.length) {
        out.write(block);
      }
    }
  }

  private static HttpRequest create(HostProcess host) {
    return request(host, "/v2/process-instances").POST(HttpRequest.BodyPublishers.ofString(
        "{\"processDefinitionId\": \"full\"}")).build();
  }

  private static HttpRequest searchInstances(HostProcess host) {
    return request(host, "/v2/process-instances/search").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
  }

  private static HttpRequest get(HostProcess host, String path) {
    return request(host, path).GET().build();
  }

  /** Times out after a few seconds: a host whose writer hangs would not answer. */
  private static HttpRequest.Builder request(HostProcess host, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + host.port() + path)).timeout(ANSWER_TIMEOUT)
        .header("Content-Type", "application/json").header("Authorization", DemoUser.AUTHORIZATION);
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static long key(HttpResponse<String> answer) {
    return Long.parseLong(JSON.readTree(answer.body()).get("processInstanceKey").asString());
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }
}
