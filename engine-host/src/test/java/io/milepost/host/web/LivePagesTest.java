package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.testing.HostApi;
import io.milepost.host.testing.HostApi.Answer;
import io.milepost.host.testing.PageSession;
import io.milepost.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pages that watch work hear about it over server-sent events: an instance's page when the instance moves on, a
 * rollout's page when the rollout goes to its next wave.
 */
class LivePagesTest extends WebTestSupport {

  @Test
  void shouldTellTheInstancePageWhenTheInstanceMovesOn() throws Exception {
    long instanceKey = startUnderDeclaredOrder(uniqueOrderId("o-live"));
    eventually("the problem-solve task", () -> openTask(instanceKey).size() == 1);
    BlockingQueue<String> events = PageSession.signIn(port, ENGINEER, PASSWORD)
        .events("/operations/instances/" + instanceKey + "/events");
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo("status:200");

    client.newCompleteUserTaskCommand(openTask(instanceKey).getFirst().getUserTaskKey())
        .variables(Map.of("problemResolution", "REPACKED", "correctedWeightKg", 1.62)).send().join();

    assertThat(nextEvent(events)).isEqualTo("event:changed");
  }

  @Test
  void shouldTellTheRolloutPageWhenTheRolloutGoesToItsNextWave() throws Exception {
    HostApi api = new HostApi(port);
    Path jar = TestPluginJar.plugin("live-check", "1.0.0")
        .handler("test.live", "return StepResult.complete(Map.of());")
        .writeTo(Files.createTempDirectory("live-plugin"));
    Answer uploaded = api.upload("/api/plugins", "live-check.jar", Files.readAllBytes(jar), Map.of());
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    Answer created = api.post("/api/rollouts", Map.of("pluginId", "live-check", "version", "1.0.0",
        "sites", List.of("sc-west-1", "sc-east-1"), "reason", "live page check",
        "waves", List.of(Map.of("sites", List.of("sc-west-1"), "bakeMinutes", 60),
            Map.of("percent", 100, "bakeMinutes", 0))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String rolloutId = (String) created.json().get("rolloutId");
    BlockingQueue<String> events = PageSession.signIn(port, "demo", "demo").events("/rollouts/" + rolloutId + "/events");
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo("status:200");

    Answer advanced = api.post("/api/rollouts/" + rolloutId + "/advance", Map.of("reason", "canary is fine"));
    assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);

    assertThat(nextEvent(events)).isEqualTo("event:changed");
  }

  /** The next event's name line, skipping the heartbeat comments and blank lines. */
  private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith("event:")) {
        return line;
      }
    }
    throw new AssertionError("Expected a server-sent event within 30 s, but none came");
  }
}
