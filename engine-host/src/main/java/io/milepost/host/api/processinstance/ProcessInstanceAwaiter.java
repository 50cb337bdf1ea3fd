package io.milepost.host.api.processinstance;

import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.ProcessInstanceResult;
import io.milepost.host.api.ApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Creates an instance and holds the request until it ends ({@code awaitCompletion}), answering 504
 * when it has not ended within the request timeout; the instance keeps running either way. The
 * request runs on a virtual thread, so waiting costs no platform thread.
 */
@Component
final class ProcessInstanceAwaiter {

  /** Used when the request names no timeout (0 or absent), as Camunda's gateway default. */
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Engine engine;

  ProcessInstanceAwaiter(Engine engine) {
    this.engine = engine;
  }

  CreateProcessInstanceResponse createAndAwait(CreateProcessInstance command, Long requestTimeoutMillis) {
    Duration timeout = requestTimeoutMillis == null || requestTimeoutMillis <= 0
        ? DEFAULT_REQUEST_TIMEOUT : Duration.ofMillis(requestTimeoutMillis);
    CompletableFuture<ProcessInstanceResult> result = engine.createProcessInstanceWithResult(command);
    try {
      ProcessInstanceResult completed = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return CreateProcessInstanceResponse.of(completed.instance(), completed.variables());
    } catch (TimeoutException e) {
      // Tells the engine nobody waits for this result any more.
      result.cancel(false);
      throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED",
          "Expected the process instance to complete within " + timeout.toMillis()
              + " ms (requestTimeout), but it is still running");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("Expected the process instance result, but the engine failed: " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(false);
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
          "Expected to await the process instance, but the server is shutting down");
    }
  }
}
