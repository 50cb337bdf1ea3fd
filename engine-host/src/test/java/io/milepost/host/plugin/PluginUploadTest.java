package io.milepost.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.HostApi;
import io.milepost.host.testing.HostApi.Answer;
import io.milepost.host.testing.TestPluginJar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /api/plugins} on the whole host over H2: every bad upload refused with its reason and
 * nothing of it kept; a good one stored by checksum, loaded, and served by a worker at once.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PluginUploadTest {

  private static final Path HOME = temp("milepost-upload-test");

  @LocalServerPort
  int port;

  @Autowired
  PluginCatalog catalog;

  HostApi api;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.plugins-dir", () -> HOME.resolve("plugins").toString());
    registry.add("milepost.bpmn-dir", () -> HOME.resolve("no-models-here").toString());
    registry.add("milepost.grpc.port", () -> "0");
    site(registry, 0, "up-fc-1", "SORTABLE_FC");
    site(registry, 1, "up-sc-1", "SORT_CENTER");
  }

  private static void site(DynamicPropertyRegistry registry, int index, String id, String buildingType) {
    String prefix = "milepost.sites[" + index + "].";
    registry.add(prefix + "id", () -> id);
    registry.add(prefix + "name", () -> id);
    registry.add(prefix + "building-type", () -> buildingType);
    registry.add(prefix + "region", () -> "west");
  }

  @BeforeEach
  void api() {
    api = new HostApi(port);
  }

  @Test
  void shouldRefuseEachBadUploadWithItsReasonAndKeepNothingOfIt() throws IOException {
    byte[] good = jar(TestPluginJar.plugin("refused", "1.0.0").handler("test.refused", "return null;"));
    List<Object[]> cases = List.of(
        new Object[] {"hello".getBytes(StandardCharsets.UTF_8), Map.of(), "the upload is not a jar"},
        new Object[] {rawJar(null, Map.of("readme.txt", "hi")), Map.of(), "found no descriptor"},
        new Object[] {jar(TestPluginJar.plugin("no-handler", "1.0.0")), Map.of(),
            "Expected at least one StepHandler extension"},
        new Object[] {good, Map.of("sha256", "0".repeat(64)), "(wrong checksum)"},
        new Object[] {jar(TestPluginJar.plugin("future", "1.0.0").requires(">=9.0.0").handler("test.future",
            "return null;")), Map.of(), "it requires an incompatible API range '>=9.0.0'"},
        new Object[] {rawJar("escaper", Map.of("../../etc/cron.d/evil", "x")), Map.of(),
            "entry '../../etc/cron.d/evil' is a path-escaping entry"});
    List<PluginVersion> loadedBefore = catalog.versions();
    List<String> storedBefore = storedJars();

    for (Object[] bad : cases) {
      @SuppressWarnings("unchecked")
      Answer answer = api.upload("/api/plugins", "plugin.jar", (byte[]) bad[0], (Map<String, String>) bad[1]);
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains((String) bad[2]);
    }

    assertThat(catalog.versions()).isEqualTo(loadedBefore);
    assertThat(storedJars()).isEqualTo(storedBefore);
    assertThat(api.get("/api/plugins").body()).doesNotContain("refused", "no-handler", "future", "escaper");
  }

  @Test
  void shouldStoreAnUploadByChecksumAndRunItsNewJobTypeAtOnce() throws IOException {
    byte[] jar = jar(TestPluginJar.plugin("uploaded", "1.0.0").servingOnly("SORTABLE_FC")
        .handler("test.uploaded", "return StepResult.complete(Map.of(\"ranAt\", context.site().id()));"));
    String sha256 = sha256(jar);

    Answer created = api.upload("/api/plugins", "uploaded.jar", jar, Map.of("sha256", sha256.toUpperCase()));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json()).containsEntry("pluginId", "uploaded").containsEntry("version", "1.0.0")
        .containsEntry("sha256", sha256).containsEntry("jobTypes", List.of("test.uploaded"))
        .containsEntry("buildingTypes", List.of("SORTABLE_FC"));
    // the authenticated user once security is on; until then nobody is authenticated
    assertThat(created.json().get("uploadedBy")).isIn("demo", "anonymous");
    assertThat(storedJars()).contains(sha256 + ".jar");
    List<String> storedAfterUpload = storedJars();

    // the same bytes again are no new version; other bytes under the same version are refused
    assertThat(api.upload("/api/plugins", "uploaded.jar", jar, Map.of()).status()).isEqualTo(200);
    Answer conflict = api.upload("/api/plugins", "uploaded.jar", jar(TestPluginJar.plugin("uploaded", "1.0.0")
        .handler("test.uploaded", "return StepResult.complete(Map.of(\"changed\", true));")), Map.of());
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body()).contains("uploaded@1.0.0 is already stored with SHA-256 " + sha256);
    assertThat(storedJars()).isEqualTo(storedAfterUpload);

    // a site of another building type is refused, and nothing changes
    Answer wrongSite = api.post("/api/rollouts", Map.of("pluginId", "uploaded", "version", "1.0.0",
        "sites", List.of("up-fc-1", "up-sc-1"), "reason", "try"));
    assertThat(wrongSite.status()).isEqualTo(400);
    assertThat(wrongSite.body()).contains("site 'up-sc-1' is a SORT_CENTER");
    assertThat(api.get("/api/sites/up-fc-1").body()).doesNotContain("test.uploaded");
    assertThat(api.get("/api/rollouts").jsonList()).noneMatch(rollout -> "uploaded".equals(rollout.get("pluginId")));

    Answer rollout = api.post("/api/rollouts", Map.of("pluginId", "uploaded", "version", "1.0.0",
        "sites", List.of("up-fc-1"), "reason", "first site"));
    assertThat(rollout.status()).as(rollout.body()).isEqualTo(201);
    assertThat(rollout.json()).containsEntry("state", "COMPLETED");
    try (CamundaClient client = client()) {
      String processId = "p-" + UUID.randomUUID();
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
          .serviceTask("step", t -> t.zeebeJobType("test.uploaded").zeebeInputExpression("site", "siteId"))
          .endEvent().done(), processId + ".bpmn").send().join();
      var result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .variables(Map.of("site", "up-fc-1")).withResult().requestTimeout(Duration.ofSeconds(30)).send().join();
      assertThat(result.getVariablesAsMap()).containsEntry("ranAt", "up-fc-1");
    }
    assertThat(api.get("/api/plugins/uploaded/versions/1.0.0").json().get("sites"))
        .isEqualTo(List.of(Map.of("siteId", "up-fc-1", "jobType", "test.uploaded")));
  }

  @Test
  void shouldWithdrawAVersionSoItCannotBeAssignedAndSendItsSitesBack() throws IOException {
    for (String version : List.of("1.0.0", "2.0.0")) {
      assertThat(api.upload("/api/plugins", "w.jar", jar(TestPluginJar.plugin("withdrawn", version)
          .handler("test.withdrawn", "return StepResult.complete(Map.of());")), Map.of()).status()).isEqualTo(201);
      assertThat(api.post("/api/rollouts", Map.of("pluginId", "withdrawn", "version", version,
          "sites", List.of("up-sc-1"))).status()).isEqualTo(201);
    }

    Answer withdrawal = api.post("/api/plugins/withdrawn/versions/2.0.0/withdrawal", Map.of("rollBack", true,
        "reason", "scanner crash"));

    assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(200);
    assertThat(withdrawal.json()).containsEntry("sitesRolledBack", 1);
    assertThat(api.get("/api/sites/up-sc-1").body())
        .contains("\"test.withdrawn\":{\"pluginId\":\"withdrawn\",\"pluginVersion\":\"1.0.0\"}");
    assertThat(api.get("/api/plugins/withdrawn/versions/2.0.0").json()).containsEntry("withdrawn", true);
    Answer again = api.post("/api/rollouts", Map.of("pluginId", "withdrawn", "version", "2.0.0",
        "sites", List.of("up-sc-1")));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("withdrawn@2.0.0 is withdrawn and can no longer be assigned");
    assertThat(api.get("/api/audit?pluginId=withdrawn").body()).contains("\"action\":\"WITHDRAW\"",
        "\"action\":\"ROLLBACK\"", "scanner crash");
  }

  private List<String> storedJars() throws IOException {
    Path store = HOME.resolve("data/plugin-store");
    if (!Files.isDirectory(store)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(store)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private CamundaClient client() {
    return CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username("demo")
            .password("demo").build())
        .build();
  }

  static byte[] jar(TestPluginJar plugin) throws IOException {
    Path dir = Files.createTempDirectory("upload-jar");
    return Files.readAllBytes(plugin.writeTo(dir));
  }

  /** A jar written by hand: a MANIFEST naming {@code pluginId} (none if null) and the given text entries. */
  static byte[] rawJar(String pluginId, Map<String, String> entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (pluginId != null) {
      manifest.getMainAttributes().putValue("Plugin-Id", pluginId);
      manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(entry.getKey()));
        jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path temp(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
