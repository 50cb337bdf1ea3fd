package io.milepost.host.grpc;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.milepost.host.MilepostProperties;
import io.milepost.host.engine.JobLongPoll;
import io.milepost.host.security.GrpcSecurityInterceptor;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gRPC server on {@code milepost.grpc.port} (0: a free port, see {@link #port()}; negative: off).
 * Started with the application context and stopped before the engine closes: open job streams end
 * with UNAVAILABLE (clients re-open them), held long polls answer empty, then calls in flight get a
 * few seconds to finish. Public so other parts of the host (the REST topology, the step workers) can
 * ask for the port actually served rather than the configured one.
 */
@Component
public final class GrpcServer implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
  private static final long SHUTDOWN_GRACE_SECONDS = 5;
  /** The official client pings every 45 s by default; grpc-java refuses pings under 5 min otherwise. */
  private static final long PERMIT_KEEP_ALIVE_SECONDS = 30;

  private final int configuredPort;
  private final int maxMessageBytes;
  private final GatewayService service;
  private final JobStreamRegistry streams;
  private final JobLongPoll longPoll;
  private final GrpcSecurityInterceptor security;
  private Server server;
  private ExecutorService calls;
  private boolean running;

  GrpcServer(MilepostProperties properties, GatewayService service, JobStreamRegistry streams, JobLongPoll longPoll,
      GrpcSecurityInterceptor security) {
    this.configuredPort = properties.grpc().port();
    // Deployments are the largest requests, as over REST.
    this.maxMessageBytes = (int) Math.min(Integer.MAX_VALUE, Math.max(
        properties.limits().maxRequestSize().toBytes(), properties.limits().maxDeploymentSize().toBytes()));
    this.service = service;
    this.streams = streams;
    this.longPoll = longPoll;
    this.security = security;
  }

  @Override
  public synchronized void start() {
    running = true;
    streams.reopen(); // a stop is not the end: Spring starts lifecycle beans again (a paused test context resumed)
    if (configuredPort < 0) {
      LOG.info("gRPC gateway is off (milepost.grpc.port is {})", configuredPort);
      return;
    }
    // RPCs block (long polls, awaited results): on virtual threads that costs no platform thread.
    calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("grpc-call-", 0).factory());
    server = NettyServerBuilder.forPort(configuredPort)
        .executor(calls)
        .addService(ServerInterceptors.intercept(service, new CallAddress(), security)) // the last runs first
        .maxInboundMessageSize(maxMessageBytes)
        .permitKeepAliveTime(PERMIT_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true)
        .build();
    try {
      server.start();
    } catch (IOException e) {
      calls.close();
      throw new IllegalStateException("Expected to serve gRPC on port " + configuredPort
          + " (milepost.grpc.port), but could not listen there: " + e.getMessage(), e);
    }
    LOG.info("gRPC gateway listening on port {}", server.getPort());
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (server == null) {
      return;
    }
    streams.close();
    longPoll.stop(); // held activations answer now, so the server need not wait for them
    server.shutdown();
    try {
      if (!server.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    calls.shutdownNow();
    server = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  /** The port the server listens on (the chosen one when configured as 0), or -1 when not serving. */
  public synchronized int port() {
    return server == null ? -1 : server.getPort();
  }
}
