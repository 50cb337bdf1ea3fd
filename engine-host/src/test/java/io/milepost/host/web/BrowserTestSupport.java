package io.milepost.host.web;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.milepost.host.MilepostApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole host on a random port with the network's own models ({@code bpmn/}) and the bundled plugins, one
 * headless Chromium per test, and the official Camunda client to start the work the pages show. Skips (with the
 * reason) only when chromium or chromedriver is not installed.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class BrowserTestSupport {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final Path HOME = createHome();

  @LocalServerPort
  int port;

  Browser browser;
  CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.bpmn-dir", MODELS::toString);
  }

  @BeforeEach
  void openBrowser() {
    Browser.missing().ifPresent(reason -> Assumptions.abort(reason));
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("demo").password("demo").build())
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
    browser = Browser.open(port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (client != null) {
      client.close();
    }
  }

  /** Waits (up to 30 s) for something the engine's workers do in the background. */
  static void eventually(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Expected within 30 s: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static String uniqueOrderId(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  private static Path createHome() {
    try {
      return Files.createTempDirectory("milepost-web-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
