package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.milepost.engine.api.Engine;
import io.milepost.host.MilepostApplication;
import io.milepost.host.grpc.GrpcServer;
import io.milepost.host.testing.DemoUser;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The heap runs out while the host answers: the official client sees a status it retries, over gRPC (UNAVAILABLE)
 * and over REST (503 problem+json with Retry-After), also when the Error comes from a servlet filter rather than
 * a controller. The shortage is staged by test-only parts: an engine whose next process instance creations
 * throw what the engine's writer hands on when the heap ran out in a batch, and a filter that throws an
 * OutOfMemoryError on {@code /v2/topology}.
 */
@SpringBootTest(classes = {MilepostApplication.class, HeapExhaustionAnswersTest.HeapExhaustingParts.class},
    webEnvironment = WebEnvironment.RANDOM_PORT)
class HeapExhaustionAnswersTest {

  /** What the next process instance creations throw, one each, before the engine answers again. */
  static final Queue<Throwable> CREATION_FAILURES = new ConcurrentLinkedQueue<>();
  /** What the next job activations (a long poll's wait for jobs) throw, one each. */
  static final Queue<Throwable> ACTIVATION_FAILURES = new ConcurrentLinkedQueue<>();
  /** What the next requests to /v2/topology throw in a servlet filter. */
  static final Queue<OutOfMemoryError> FILTER_FAILURES = new ConcurrentLinkedQueue<>();

  private static final String DETAIL = "Expected memory to answer the request, but the host's heap ran out meanwhile "
      + "(Java heap space): retry after a pause; a command may have been applied before it ran out";

  @LocalServerPort
  int restPort;

  @Autowired
  GrpcServer grpcServer;

  @DynamicPropertySource
  static void milepostProperties(DynamicPropertyRegistry registry) throws IOException {
    Path dataDir = Files.createTempDirectory("milepost-heap-test");
    registry.add("milepost.data-dir", dataDir::toString);
    registry.add("milepost.bpmn-dir", () -> dataDir.resolve("no-models-here").toString());
    registry.add("milepost.grpc.port", () -> "0");
  }

  @AfterEach
  void forgetUnusedFailures() {
    ACTIVATION_FAILURES.clear();
    CREATION_FAILURES.clear();
    FILTER_FAILURES.clear();
  }

  @Test
  void shouldLetTheClientRetryACreationWhoseBatchRanOutOfHeapOverGrpc() {
    // the 8.9 client retries UNAVAILABLE (never INTERNAL) by its default retry policy, which is off unless asked for
    try (CamundaClient client = grpcClient(true)) {
      // given
      String processId = deploy(client, "heap-retried");
      CREATION_FAILURES.add(writerFailure());

      // when
      long instanceKey = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
          .getProcessInstanceKey();

      // then: the client tried again after UNAVAILABLE and the second attempt created the instance
      assertThat(CREATION_FAILURES).isEmpty();
      assertThat(instanceKey).isPositive();
    }
  }

  @Test
  void shouldAnswerUnavailableSayingTheHeapRanOutOverGrpc() {
    try (CamundaClient client = grpcClient(false)) {
      // given: the heap runs out on the thread answering the call
      String processId = deploy(client, "heap-short");
      CREATION_FAILURES.add(new OutOfMemoryError("Java heap space"));

      // when
      ClientStatusException status = catchThrowableOfType(ClientStatusException.class,
          () -> client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join());

      // then
      assertThat(status).isNotNull();
      assertThat(status.getStatusCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(status.getStatus().getDescription()).isEqualTo(DETAIL);
    }
  }

  @Test
  void shouldAnswerUnavailableWhenAJobActivationRanOutOfHeapOverGrpc() {
    try (CamundaClient client = grpcClient(false)) {
      // given: the heap runs out on the thread that starts the long poll
      ACTIVATION_FAILURES.add(new OutOfMemoryError("Java heap space"));

      // when
      ClientStatusException status = catchThrowableOfType(ClientStatusException.class,
          () -> client.newActivateJobsCommand().jobType("heap-short").maxJobsToActivate(1).send().join());

      // then
      assertThat(status).isNotNull();
      assertThat(status.getStatusCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(status.getStatus().getDescription()).isEqualTo(DETAIL);
    }
  }

  @Test
  void shouldLetTheClientRetryARequestWhoseFilterRanOutOfHeapOverRest() {
    try (CamundaClient client = restClient()) {
      // given
      FILTER_FAILURES.add(new OutOfMemoryError("Java heap space"));

      // when
      var topology = client.newTopologyRequest().send().join();

      // then: the client tried again after the 503's Retry-After and the second attempt was answered
      assertThat(FILTER_FAILURES).isEmpty();
      assertThat(topology.getBrokers()).isNotEmpty();
    }
  }

  @Test
  void shouldAnswerServiceUnavailableWithRetryAfterWhenAFilterRanOutOfHeap() {
    // given
    FILTER_FAILURES.add(new OutOfMemoryError("Java heap space"));

    // when
    HttpResponse<String> response = rawGet("/v2/topology");

    // then
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"title\":\"UNAVAILABLE\"").contains("\"status\":503")
        .contains("\"detail\":\"" + DETAIL + "\"").contains("\"instance\":\"/v2/topology\"");
  }

  /** What the engine's writer completes a command with when the heap ran out during its batch. */
  private static RuntimeException writerFailure() {
    return new IllegalStateException("The engine failed while answering the command",
        new OutOfMemoryError("Java heap space"));
  }

  private static String deploy(CamundaClient client, String prefix) {
    String processId = prefix + "-" + Long.toHexString(System.nanoTime());
    client.newDeployResourceCommand().addProcessModel(CamundaApiTestSupport.straightThrough(processId),
        processId + ".bpmn").send().join();
    return processId;
  }

  private CamundaClient grpcClient(boolean retrying) {
    return CamundaClient.newClientBuilder().credentialsProvider(DemoUser.credentials()).useDefaultRetryPolicy(retrying)
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .restAddress(URI.create("http://localhost:" + restPort))
        .preferRestOverGrpc(false).defaultRequestTimeout(Duration.ofSeconds(20)).build();
  }

  private CamundaClient restClient() {
    return CamundaClient.newClientBuilder().credentialsProvider(DemoUser.credentials())
        .restAddress(URI.create("http://localhost:" + restPort))
        .preferRestOverGrpc(true).defaultRequestTimeout(Duration.ofSeconds(10)).build();
  }

  private HttpResponse<String> rawGet(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
        .header("Authorization", DemoUser.AUTHORIZATION).GET().build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestConfiguration
  static class HeapExhaustingParts {

    @Bean
    static BeanPostProcessor heapExhaustingEngine() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          return bean instanceof Engine engine ? heapExhausting(engine) : bean;
        }
      };
    }

    @Bean
    Filter heapExhaustingFilter() {
      return (request, response, chain) -> {
        OutOfMemoryError failure = "/v2/topology".equals(((HttpServletRequest) request).getRequestURI())
            ? FILTER_FAILURES.poll() : null;
        if (failure != null) {
          throw failure;
        }
        chain.doFilter(request, response);
      };
    }

    private static Engine heapExhausting(Engine engine) {
      return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
          (proxy, method, args) -> {
            Throwable failure = switch (method.getName()) {
              case "createProcessInstance" -> CREATION_FAILURES.poll();
              case "awaitJobs" -> ACTIVATION_FAILURES.poll();
              default -> null;
            };
            if (failure != null) {
              throw failure;
            }
            try {
              return method.invoke(engine, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
