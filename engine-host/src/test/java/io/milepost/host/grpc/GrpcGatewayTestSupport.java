package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole host (REST on a random port, gRPC on a free port) over an H2 file store in a temp
 * directory, and talks to it with the official Camunda 8 client set to prefer gRPC, so every command
 * that has a gRPC form goes through the gateway (searches exist over REST only).
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class GrpcGatewayTestSupport {

  private static final Path DATA_DIR = createTempDirectory();

  @LocalServerPort
  int restPort;

  @Autowired
  GrpcServer grpcServer;

  CamundaClient client;

  @DynamicPropertySource
  static void milepostProperties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", DATA_DIR::toString);
    registry.add("milepost.bpmn-dir", () -> DATA_DIR.resolve("no-models-here").toString());
    registry.add("milepost.grpc.port", () -> "0");
  }

  @BeforeEach
  void openClient() {
    client = CamundaClient.newClientBuilder().credentialsProvider(DemoUser.credentials())
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .restAddress(URI.create("http://localhost:" + restPort))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  DeploymentEvent deploy(BpmnModelInstance model, String processId) {
    return client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
  }

  /** A name no other test uses, so tests see neither each other's instances nor each other's jobs. */
  static String unique(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  static BpmnModelInstance oneTask(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("task", task -> task.zeebeJobType(jobType))
        .endEvent("end")
        .done();
  }

  static ClientStatusException statusFrom(ThrowingCallable call) {
    ClientStatusException status = catchThrowableOfType(ClientStatusException.class, call);
    assertThat(status).as("expected the gateway to answer with an error status").isNotNull();
    return status;
  }

  /** Waits, boundedly, for something the server does asynchronously (a stream registering or closing). */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Expected " + what + " within 10 s, but it did not happen");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("milepost-grpc-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
