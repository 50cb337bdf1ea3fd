package io.milepost.host.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.HostApi;
import io.milepost.host.testing.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts of the host on one data directory: uploaded versions, assignments and rollouts survive; an
 * uploaded jar corrupted on disk is reported in the health details and its sites fall back.
 */
class RolloutRestartTest {

  @Test
  void shouldKeepUploadsAssignmentsAndRolloutsAcrossARestartAndFallBackFromACorruptedJar() throws IOException {
    Path home = Files.createTempDirectory("milepost-restart-test");
    String rolloutId;
    String sha256;
    byte[] secondJar = null;
    try (ConfigurableApplicationContext first = start(home)) {
      HostApi api = api(first);
      for (String version : List.of("1.0.0", "2.0.0")) {
        byte[] jar = Files.readAllBytes(TestPluginJar.plugin("keeper", version)
            .handler("test.keep", "return StepResult.complete(Map.of());")
            .writeTo(Files.createTempDirectory("restart-jar")));
        assertThat(api.upload("/api/plugins", "keeper.jar", jar, Map.of()).status()).isEqualTo(201);
        secondJar = jar;
      }
      api.post("/api/rollouts", Map.of("pluginId", "keeper", "version", "1.0.0", "sites", List.of("rs-1", "rs-2")));
      rolloutId = (String) api.post("/api/rollouts", Map.of("pluginId", "keeper", "version", "2.0.0",
          "sites", List.of("rs-1", "rs-2"), "reason", "canary before the restart",
          "waves", List.of(Map.of("sites", List.of("rs-1"), "bakeMinutes", 60)))).json().get("rolloutId");
    }

    try (ConfigurableApplicationContext second = start(home)) {
      HostApi api = api(second);
      assertThat(api.get("/api/sites/rs-1").body()).contains("\"test.keep\":{\"pluginId\":\"keeper\",\"pluginVersion\":\"2.0.0\"}");
      assertThat(api.get("/api/sites/rs-2").body()).contains("\"test.keep\":{\"pluginId\":\"keeper\",\"pluginVersion\":\"1.0.0\"}");
      assertThat(api.get("/api/rollouts/" + rolloutId).json()).containsEntry("state", "RUNNING")
          .containsEntry("currentWave", 1).containsEntry("reason", "canary before the restart");
      sha256 = (String) api.get("/api/plugins/keeper/versions/2.0.0").json().get("sha256");
    }

    Files.write(home.resolve("data/plugin-store/" + sha256 + ".jar"), "not the jar that was uploaded".getBytes());
    try (ConfigurableApplicationContext third = start(home)) {
      HostApi api = api(third);
      assertThat(api.get("/actuator/health").body()).contains("keeper@2.0.0", "its jar is corrupted");
      assertThat(api.get("/api/sites/rs-1").body())
          .contains("\"test.keep\":{\"pluginId\":\"keeper\",\"pluginVersion\":\"1.0.0\"}");
      assertThat(api.get("/api/audit?siteId=rs-1").body()).contains("\"actor\":\"system\"", "\"action\":\"ROLLBACK\"",
          "did not load at start");

      // uploading the same bytes again restores the version
      assertThat(api.upload("/api/plugins", "keeper.jar", secondJar, Map.of()).status()).isEqualTo(201);
      assertThat(api.get("/actuator/health").body()).doesNotContain("keeper@2.0.0");
      assertThat(Files.readAllBytes(home.resolve("data/plugin-store/" + sha256 + ".jar"))).isEqualTo(secondJar);
    }
  }

  private static HostApi api(ConfigurableApplicationContext context) {
    return new HostApi(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  private static ConfigurableApplicationContext start(Path home) {
    // Command-line arguments: they override the demo network of application.yaml, default properties would not.
    return new SpringApplicationBuilder(MilepostApplication.class).run(
        "--server.port=0",
        "--milepost.grpc.port=0",
        "--milepost.data-dir=" + home.resolve("data"),
        "--milepost.plugins-dir=" + home.resolve("plugins"),
        "--milepost.bpmn-dir=" + home.resolve("no-models-here"),
        "--milepost.sites[0].id=rs-1", "--milepost.sites[0].name=rs-1",
        "--milepost.sites[0].building-type=SORT_CENTER", "--milepost.sites[0].region=east",
        "--milepost.sites[1].id=rs-2", "--milepost.sites[1].name=rs-2",
        "--milepost.sites[1].building-type=SORT_CENTER", "--milepost.sites[1].region=east");
  }
}
