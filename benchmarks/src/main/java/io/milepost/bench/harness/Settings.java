package io.milepost.bench.harness;

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
 */
public record Settings(int warmupSeconds, int roundSeconds, int latencySeconds, int rounds, int starterThreads,
    int workerThreadsPerType, int minInstances, Path repositoryRoot, Path workDir) {

  /** A warm-up stops after this many slices, settled or not. */
  public static final int MAX_WARMUP_SLICES = 8;

  public static Settings full(Path repositoryRoot, Path workDir) {
    return new Settings(15, 15, 10, 3, 4, 2, 200, repositoryRoot, workDir);
  }

  public static Settings quick(Path repositoryRoot, Path workDir) {
    return new Settings(3, 3, 3, 2, 4, 2, 50, repositoryRoot, workDir);
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
        repo, work);
  }

  private static int intArg(Map<String, String> arguments, String name, int fallback) {
    String value = arguments.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
