package io.milepost.host.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.milepost.engine.api.CommandTimeoutException;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.StoreUnavailableException;
import io.milepost.host.api.ErrorIds;
import io.milepost.host.api.HeapExhaustion;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what an RPC threw into the gRPC status Camunda's gateway documents for it. A rejection keeps
 * the engine's message as the description (it says what was expected and what was found); anything
 * else is a bug of ours: INTERNAL with an error id, logged with its stack trace under that id, and only
 * this call fails. A heap that ran out is neither: {@link HeapExhaustion}.
 */
final class GrpcStatuses {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcStatuses.class);

  private GrpcStatuses() {}

  static StatusRuntimeException of(String rpc, Throwable thrown) {
    OutOfMemoryError outOfMemory = HeapExhaustion.causeIn(thrown);
    if (outOfMemory != null) {
      // a passing shortage, not a bug of this call: UNAVAILABLE, which Zeebe's clients retry (after a back-off)
      LOG.warn("Answered gRPC {} with UNAVAILABLE: the heap ran out ({})", rpc, outOfMemory.getMessage());
      return new WithoutStackTrace(Status.UNAVAILABLE.withDescription(HeapExhaustion.detail(outOfMemory)));
    }
    Throwable failure = unwrap(thrown);
    if (failure instanceof StatusRuntimeException status) {
      return status;
    }
    if (failure instanceof StatusException status) {
      return status.getStatus().asRuntimeException(status.getTrailers());
    }
    if (failure instanceof CommandTimeoutException timeout) {
      return Status.DEADLINE_EXCEEDED.withDescription(timeout.getMessage()).asRuntimeException();
    }
    if (failure instanceof StoreUnavailableException outage) {
      // Zeebe's clients retry UNAVAILABLE by themselves
      LOG.warn("Answered gRPC {} with UNAVAILABLE: {}", rpc, outage.getMessage(), outage.getCause());
      return Status.UNAVAILABLE.withDescription(outage.getMessage()).asRuntimeException();
    }
    if (failure instanceof RejectionException rejection) {
      return of(rejection).withDescription(rejection.getMessage()).asRuntimeException();
    }
    String errorId = ErrorIds.next();
    LOG.error("Unexpected failure answering gRPC {} (error id {})", rpc, errorId, failure);
    return Status.INTERNAL.withCause(failure).withDescription(ErrorIds.detail(errorId)).asRuntimeException();
  }

  /** The status of a rejection type, as gateway.proto lists the errors of each RPC. */
  static Status of(RejectionException rejection) {
    return switch (rejection.type()) {
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.NOT_FOUND;
      case INVALID_STATE -> Status.FAILED_PRECONDITION;
      case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
    };
  }

  static StatusRuntimeException invalidArgument(String description) {
    return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
  }

  private static Throwable unwrap(Throwable thrown) {
    Throwable failure = thrown;
    while ((failure instanceof CompletionException || failure instanceof ExecutionException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    return failure;
  }

  /** A status to answer with while the heap is short: filling in a stack trace needs memory too. */
  private static final class WithoutStackTrace extends StatusRuntimeException {

    WithoutStackTrace(Status status) {
      super(status);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
