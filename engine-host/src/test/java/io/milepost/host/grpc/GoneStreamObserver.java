package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stream whose client vanished without gRPC having noticed yet: it looks open and ready, but a
 * write fails the way gRPC's onNext fails on a cancelled call. Records what was written to it.
 */
final class GoneStreamObserver extends ServerCallStreamObserver<GatewayOuterClass.ActivatedJob> {

  final List<GatewayOuterClass.ActivatedJob> attempted = new CopyOnWriteArrayList<>();

  @Override
  public void onNext(GatewayOuterClass.ActivatedJob job) {
    attempted.add(job);
    throw Status.CANCELLED.withDescription("call already cancelled").asRuntimeException();
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public boolean isCancelled() {
    return false;
  }

  @Override
  public void setOnReadyHandler(Runnable handler) {}

  @Override
  public void setOnCancelHandler(Runnable handler) {}

  @Override
  public void setCompression(String compression) {}

  @Override
  public void disableAutoInboundFlowControl() {}

  @Override
  public void request(int count) {}

  @Override
  public void setMessageCompression(boolean enable) {}

  @Override
  public void onError(Throwable error) {}

  @Override
  public void onCompleted() {}
}
