package io.milepost.bench.engine;

import io.milepost.bench.harness.Models;
import io.milepost.bench.harness.StoreKind;
import io.milepost.bench.harness.Workload;
import java.nio.file.Path;

/**
 * What an adapter needs to start.
 *
 * @param workload the model and its workers
 * @param store the kind of store, and {@code jdbcUrl} an empty one of that kind
 * @param dataDir a fresh directory for this run (H2 files, logs of a child JVM)
 * @param repositoryRoot the Milepost checkout (bpmn/, engine-host/target/engine-host.jar)
 * @param workerThreadsPerType worker threads (or, for the Camunda client, job-handling threads) per job type
 * @param completion how the Camunda client's job handlers complete their jobs
 */
public record BenchContext(Workload workload, StoreKind store, String jdbcUrl, Path dataDir, Path repositoryRoot,
    Models models, int workerThreadsPerType, HandlerCompletion completion) {}
