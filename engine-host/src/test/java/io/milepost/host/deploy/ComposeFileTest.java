package io.milepost.host.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine (none runs where Milepost is
 * built): what engine-host's services set must be properties engine-host has, and the ports, volumes,
 * health checks and start order a user relies on must be there.
 */
class ComposeFileTest {

  private static final String DATA_DIR = "/var/lib/milepost/data";
  private final ComposeFile compose = ComposeFile.read();
  private final KnownProperties known = KnownProperties.ofEngineHost();

  @Test
  void shouldSetOnlyPropertiesEngineHostHasInTheEnvironmentOfItsServices() {
    assertThat(compose.engineHostServices()).containsExactlyInAnyOrder("engine-host", "worker-node");
    for (String service : compose.engineHostServices()) {
      assertThat(compose.environment(service).keySet())
          .as("environment variables of service '%s' that name no property of engine-host", service)
          .isNotEmpty()
          .allSatisfy(variable -> assertThat(known.knows(variable))
              .as("%s (service '%s') names no property of engine-host", variable, service).isTrue());
    }
  }

  @Test
  void shouldTellAVariableThatNamesNoPropertyFromOneThatDoes() {
    assertThat(known.knows("MILEPOST_WORKER_REST_ADDRESS")).isTrue();
    assertThat(known.knows("MILEPOST_WORKER_RESTADDRESS")).isTrue();
    assertThat(known.knows("MILEPOST_WORKER_AUTH_CLIENT_SECRET")).isTrue();
    assertThat(known.knows("MILEPOST_ENGINE_ENABLED")).isTrue();
    assertThat(known.knows("MILEPOST_SITES_0_BUILDING_TYPE")).isTrue();
    assertThat(known.knows("SPRING_DATASOURCE_URL")).isTrue();
    assertThat(known.knows("SERVER_PORT")).isTrue();

    assertThat(known.knows("MILEPOST_WORKER_REST_ADRESS")).as("a typo").isFalse();
    assertThat(known.knows("MILEPOST_DATADIR_PATH")).isFalse();
    assertThat(known.knows("SPRING_DATASOURCE_URI")).isFalse();
  }

  @Test
  void shouldPublishTheApiPortsAndKeepTheDataInAVolumeBehindAHealthCheck() {
    assertThat(compose.list("engine-host", "ports")).contains("8080:8080", "26500:26500");
    assertThat(compose.environment("engine-host")).containsEntry("MILEPOST_DATA_DIR", DATA_DIR);
    assertNamedVolumeAt("engine-host", DATA_DIR);
    assertHealthCheckOn("engine-host", "/actuator/health");
    assertThat(ComposeFile.<Map<String, Object>>map(compose.service("engine-host"), "depends_on"))
        .as("engine-host waits for PostgreSQL").containsEntry("postgres", Map.of("condition", "service_healthy"));
    assertThat(compose.environment("engine-host").get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
  }

  @Test
  void shouldRunTheOfficialPostgresImageWithAVolumeAndAHealthCheck() {
    assertThat(compose.service("postgres").get("image").toString()).startsWith("postgres:");
    assertNamedVolumeAt("postgres", "/var/lib/postgresql/data");
    assertHealthCheckOn("postgres", "pg_isready");
  }

  @Test
  void shouldRunCamundaAndAWorkerNodeForItInTheCamundaProfile() throws IOException {
    assertThat(compose.list("camunda", "profiles")).containsExactly("camunda");
    assertThat(compose.service("camunda").get("image").toString()).startsWith("camunda/camunda:8.9");
    assertThat(compose.list("worker-node", "profiles")).containsExactly("camunda");
    assertThat(compose.environment("worker-node")).containsEntry("MILEPOST_ENGINE_ENABLED", "false")
        .containsEntry("MILEPOST_WORKER_REST_ADDRESS", "http://camunda:8080")
        .containsEntry("MILEPOST_WORKER_AUTH_METHOD", "basic");
    assertThat(ComposeFile.<Map<String, Object>>map(compose.service("worker-node"), "depends_on"))
        .containsEntry("camunda", Map.of("condition", "service_healthy"));
    assertNamedVolumeAt("worker-node", DATA_DIR);
    assertHealthCheckOn("worker-node", "/actuator/health");
    assertThat(Files.readString(ComposeFile.PATH)).as("the licence note").contains("Camunda License");
  }

  @Test
  void shouldBuildANonRootImageOnAJre21WithTheDataVolumeAndAHealthCheck() throws IOException {
    List<String> lines = Files.readAllLines(ComposeFile.PATH.resolveSibling("Dockerfile")).stream()
        .map(String::strip).toList();

    List<String> stages = lines.stream().filter(line -> line.startsWith("FROM ")).toList();
    assertThat(stages.getLast()).as("the run stage's base image").startsWith("FROM eclipse-temurin:21-jre");
    List<String> users = lines.stream().filter(line -> line.startsWith("USER ")).toList();
    assertThat(users).as("USER lines").hasSize(1);
    assertThat(users.getFirst()).doesNotContain("root").isNotEqualTo("USER 0");
    assertThat(lines).contains("VOLUME " + DATA_DIR, "EXPOSE 8080 26500");
    assertThat(String.join("\n", lines)).containsPattern("HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD curl -fsS http://localhost:8080/actuator/health");
  }

  private void assertNamedVolumeAt(String service, String path) {
    assertThat(compose.list(service, "volumes")).as("volumes of %s", service).anySatisfy(volume -> {
      String[] parts = volume.split(":");
      assertThat(parts[1]).isEqualTo(path);
      assertThat(ComposeFile.<Object>map(compose.document(), "volumes")).as("declared volumes").containsKey(parts[0]);
    });
  }

  private void assertHealthCheckOn(String service, String probe) {
    Map<String, Object> healthCheck = ComposeFile.map(compose.service(service), "healthcheck");
    assertThat(healthCheck).as("health check of %s", service).containsKeys("test", "interval", "retries");
    assertThat(healthCheck.get("test").toString()).contains(probe);
  }
}
