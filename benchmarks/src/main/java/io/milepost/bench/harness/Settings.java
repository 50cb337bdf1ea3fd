package io.milepost.bench.harness;

import io.milepost.bench.engine.HandlerCompletion;
import java.nio.file.Path;
import java.util.Map;

/**
 * How long and how hard to run; defaults are the full run, {@code --quick} shrinks everything to seconds.
 *
 * @param warmupSeconds one slice of the closed-loop warm-up, which runs until two slices agree (or
 *     {@value #MAX_WARMUP_SLICES} ran) and estimates the saturation throughput
 * @param roundSeconds the target length of one saturation round: instances = estimate x this
 * @param latencySeconds the length of one open-loop round at half the saturation throughput
 * @param rounds saturation rounds and latency rounds each
 * @param starterThreads threads that start instances
 * @param workerThreadsPerType worker threads per job type
 * @param minInstances the fewest instances a saturation round starts
 * @param completion how the Camunda client's job handlers complete their jobs
 */
public record Settings(int warmupSeconds, int roundSeconds, int latencySeconds, int rounds, int starterThreads,
    int workerThreadsPerType, int minInstances, HandlerCompletion completion, Path repositoryRoot, Path workDir) {

  /** A warm-up stops after this many slices, settled or not. */
  public static final int MAX_WARMUP_SLICES = 8;

  /**
   * Starters and worker threads per job type by default: each waits for its own command's durable commit, so
   * together they are the commands in flight. With 4 starters and 2 workers per type (at most 10 in flight) a
   * saturation round measured the commit's round trip, not the engine (stop 23: in process 476 instances/s
   * with 4 and 2, 685 with 4 and 8, 925 with 8 and 8, 1,000 with 16 and 16). Flowable takes fewer of both
   * (see {@code FlowableEmbedded}): it runs better so.
   */
  private static final int STARTERS = 8;
  private static final int WORKERS_PER_TYPE = 8;

  public static Settings full(Path repositoryRoot, Path workDir) {
    return new Settings(15, 15, 10, 3, STARTERS, WORKERS_PER_TYPE, 200, HandlerCompletion.BLOCKING, repositoryRoot,
        workDir);
  }

  public static Settings quick(Path repositoryRoot, Path workDir) {
    return new Settings(3, 3, 3, 2, STARTERS, WORKERS_PER_TYPE, 50, HandlerCompletion.BLOCKING, repositoryRoot,
        workDir);
  }

  public static Settings fromArguments(Map<String, String> arguments) {
    Path repo = Path.of(arguments.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    Path work = Path.of(arguments.getOrDefault("work-dir", "benchmarks/target/bench-data")).toAbsolutePath();
    Settings base = arguments.containsKey("quick") ? quick(repo, work) : full(repo, work);
    return new Settings(
        intArg(arguments, "warmup-seconds", base.warmupSeconds),
        intArg(arguments, "round-seconds", base.roundSeconds),
        intArg(arguments, "latency-seconds", base.latencySeconds),
        intArg(arguments, "rounds", base.rounds),
        intArg(arguments, "starters", base.starterThreads),
        intArg(arguments, "workers-per-type", base.workerThreadsPerType),
        intArg(arguments, "min-instances", base.minInstances),
        Arguments.choice(arguments, "completion", HandlerCompletion.BLOCKING),
        repo, work);
  }

  private static int intArg(Map<String, String> arguments, String name, int fallback) {
    String value = arguments.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
