package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.milepost.engine.api.ActivateJobs;

/**
 * One open StreamActivatedJobs call: what to activate for it (type, worker, timeout, variables) and
 * the observer to push to. gRPC observers are not thread-safe, so every write is synchronized here.
 */
final class JobStream {

  private final ActivateJobs activation;
  private final ServerCallStreamObserver<GatewayOuterClass.ActivatedJob> observer;
  private boolean closed;

  JobStream(ActivateJobs activation, ServerCallStreamObserver<GatewayOuterClass.ActivatedJob> observer) {
    this.activation = activation;
    this.observer = observer;
  }

  String type() {
    return activation.type();
  }

  ActivateJobs activation() {
    return activation;
  }

  /** Must be called while the RPC method runs (gRPC accepts handlers only then). */
  void onEvents(Runnable ready, Runnable cancelled) {
    observer.setOnReadyHandler(ready);
    observer.setOnCancelHandler(() -> {
      markClosed();
      cancelled.run();
    });
  }

  synchronized boolean isOpen() {
    return !closed && !observer.isCancelled();
  }

  /** Open and with room in its transport buffer: a push now will not pile up in memory. */
  synchronized boolean isReady() {
    return isOpen() && observer.isReady();
  }

  /** @return false if the stream is gone and the job was not handed to the transport */
  synchronized boolean push(GatewayOuterClass.ActivatedJob job) {
    if (!isOpen()) {
      return false;
    }
    try {
      observer.onNext(job);
      return true;
    } catch (RuntimeException e) {
      // gRPC throws when the call was cancelled or closed between the check above and the write.
      closed = true;
      return false;
    }
  }

  /** Ends the call with an error status, so the client re-opens its stream (after a restart, say). */
  synchronized void end(Status status) {
    if (isOpen()) {
      closed = true;
      try {
        observer.onError(status.asRuntimeException());
      } catch (RuntimeException e) {
        // already cancelled by the client: nothing to tell it
      }
    }
  }

  private synchronized void markClosed() {
    closed = true;
  }

  @Override
  public String toString() {
    return "stream of '" + activation.type() + "' for worker '" + activation.worker() + "'";
  }
}
