package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default H2 store's disk runs full: commands fail with a clear, retryable 503, nothing acknowledged is lost
 * or half-written, and the host takes commands again once space is back, without a restart. The data directory
 * is a small tmpfs mounted by the test, which needs root (skipped, saying so, otherwise).
 */
class H2DiskFullTest {

  private static final String SIZE = "96m";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path home;

  private Path disk;

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  @Disabled("Known defect, not fixed yet: the first batch that meets the full disk is answered 503 as expected, but "
      + "H2 then closes its database ('The database has been closed [90098]') and the writer, handed a pooled "
      + "connection of that closed database, spins in H2's MVStore.registerVersionUsage at 100 % CPU for good; every "
      + "later command times out after milepost.engine.command-timeout, even once space is back (seen 28 Nov 12:40)")
  void shouldRefuseRetryablyWhileTheDiskIsFullAndRecoverWhenSpaceIsBack() throws Exception {
    disk = Files.createDirectories(home.resolve("data"));
    if (!run("mount", "-t", "tmpfs", "-o", "size=" + SIZE, "tmpfs", disk.toString())) {
      disk = null;
      Assumptions.abort("Cannot mount a " + SIZE + " tmpfs for the data directory (needs root): skipping the disk-full test");
    }
    try (HostProcess host = HostProcess.start(home, HostProcess.freePort(),
            "--milepost.plugins-dir=" + home.resolve("plugins"), "--milepost.plugin-store-dir=" + home.resolve("store"));
        CamundaClient client = host.client();
        HttpClient http = HttpClient.newHttpClient()) {
      // given a host whose data disk has little room left
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("full").startEvent()
          .serviceTask("pick", t -> t.zeebeJobType("full.pick")).endEvent().done(), "full.bpmn").send().join();
      Path filler = disk.resolve("filler");
      fill(filler);

      // when instances are created until the disk is full
      List<Long> acknowledged = new ArrayList<>();
      List<String> refusals = new ArrayList<>();
      for (int i = 0; i < 20_000 && refusals.size() < 20; i++) {
        HttpResponse<String> answer = create(http, host);
        if (answer.statusCode() == 200) {
          acknowledged.add(key(answer));
        } else {
          refusals.add(answer.statusCode() + " " + answer.body());
        }
      }

      // then they are refused retryably, saying why without the driver's text
      assertThat(refusals).isNotEmpty().allSatisfy(refusal -> assertThat(refusal).startsWith("503 ")
          .contains("\"title\":\"UNAVAILABLE\"").contains("The engine's store failed to commit"));

      // and once space is back, the same host takes commands again and everything acknowledged is whole
      Files.delete(filler);
      HttpResponse<String> after = create(http, host);
      for (int attempt = 0; attempt < 10 && after.statusCode() != 200; attempt++) {
        after = create(http, host); // the batch that found the disk full fails; the writer reconnects for the next
      }
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      for (long instance : acknowledged) {
        assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
            .isEqualTo(ProcessInstanceState.ACTIVE);
      }
      System.out.printf("H2 disk full: %d instances acknowledged, %d refused with 503, accepted again after space "
          + "came back%n", acknowledged.size(), refusals.size());
    }
  }

  /** Fills the disk but for about 2 MB. */
  private static void fill(Path filler) throws IOException {
    long room = Files.getFileStore(filler.getParent()).getUsableSpace() - 2 * 1024 * 1024;
    byte[] block = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (long written = 0; written + block.length <= room; written += block.length) {
        out.write(block);
      }
    }
  }

  private static HttpResponse<String> create(HttpClient http, HostProcess host) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + host.port() + "/v2/process-instances"))
        .header("Content-Type", "application/json").header("Authorization", DemoUser.AUTHORIZATION)
        .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionId\": \"full\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
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
