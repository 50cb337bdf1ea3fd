package io.milepost.bench.engine;

import io.milepost.bench.harness.InstanceTracker;
import io.milepost.bench.harness.JvmProbe;
import java.util.List;

/**
 * One engine under test, set up for one workload on one empty store. The harness starts instances and
 * the adapter's own workers complete their jobs with the workload's no-op results; the adapter tells
 * the tracker when each instance has ended, durably.
 */
public interface EngineAdapter extends AutoCloseable {

  /** Starts the engine on {@code jdbcUrl}, deploys the model and opens the workers. */
  void start(BenchContext context, InstanceTracker tracker) throws Exception;

  /** Starts instance number {@code n}; returns its id once the create command is acknowledged. */
  Object startInstance(int n);

  /** Instances of the workload's process the store holds as completed (a check on the tracker). */
  long completedInStore();

  /** What the engine holds when instances did not complete (jobs waiting, failed...); empty if unknown. */
  default String diagnostics() {
    return "";
  }

  /** The most starter threads this engine runs best with; the harness starts no more than this. */
  default int maxStarters() {
    return Integer.MAX_VALUE;
  }

  /** The JVMs doing the engine's and the workers' work. */
  List<JvmProbe> jvms();

  @Override
  void close();
}
