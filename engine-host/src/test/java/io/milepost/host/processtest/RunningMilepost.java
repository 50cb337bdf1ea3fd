package io.milepost.host.processtest;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.milepost.host.MilepostApplication;
import io.milepost.host.grpc.GrpcServer;
import io.milepost.host.testing.DemoUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One engine-host for the process tests of a test run, as a user runs it for Camunda Process Test's remote mode:
 * its own H2 store, free ports, the testing endpoints on ({@code milepost.testing.enabled}) and no step workers
 * (the tests mock the workers). Started on first use; Spring's shutdown hook stops it when the JVM ends.
 * Camunda Process Test's clients send commands over gRPC (its choice), searches over REST: both addresses are set.
 */
final class RunningMilepost {

  private static RunningMilepost shared;

  private final URI address;
  private final URI grpcAddress;

  private RunningMilepost(ConfigurableApplicationContext context) {
    this.address = URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    this.grpcAddress = URI.create("http://localhost:" + context.getBean(GrpcServer.class).port());
  }

  static synchronized RunningMilepost shared() {
    if (shared == null) {
      Path dataDir = tempDirectory();
      shared = new RunningMilepost(SpringApplication.run(MilepostApplication.class,
          "--server.port=0",
          "--milepost.grpc.port=0",
          "--milepost.testing.enabled=true",
          "--milepost.worker.enabled=false",
          "--milepost.data-dir=" + dataDir,
          "--milepost.bpmn-dir=" + dataDir.resolve("no-models-here")));
    }
    return shared;
  }

  /** REST API and monitoring address alike: Milepost serves both on one port. */
  URI address() {
    return address;
  }

  /** A client as the tests' users would build one, authenticated as the bootstrap admin. */
  CamundaClientBuilder clientBuilder() {
    return CamundaClient.newClientBuilder()
        .restAddress(address)
        .grpcAddress(grpcAddress)
        .preferRestOverGrpc(true)
        // Camunda Process Test sends its commands over gRPC; a first deployment on a busy machine can take seconds
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .credentialsProvider(DemoUser.credentials());
  }

  /**
   * A request to the REST or monitoring API as the bootstrap admin, for what the official client does not send (the
   * testing clock and purge).
   */
  HttpResponse<String> send(String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(address + path))
        .header("Authorization", DemoUser.AUTHORIZATION)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .timeout(Duration.ofSeconds(30))
        .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + path, e);
    }
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("milepost-process-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
