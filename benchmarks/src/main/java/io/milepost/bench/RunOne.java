package io.milepost.bench;

import io.milepost.bench.engine.EngineKind;
import io.milepost.bench.harness.Arguments;
import io.milepost.bench.harness.Results.RunResult;
import io.milepost.bench.harness.Settings;
import io.milepost.bench.harness.StoreKind;
import io.milepost.bench.harness.Workload;
import io.milepost.bench.harness.WorkloadRunner;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One engine, one workload, one store, in a JVM of its own (so JIT, heap and leftover threads of one
 * engine do not touch another's numbers). Prints its result as one line {@code BENCH-RESULT <json>}.
 */
public final class RunOne {

  static final String RESULT_PREFIX = "BENCH-RESULT ";

  private RunOne() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = Arguments.parse(args);
    Settings settings = Settings.fromArguments(arguments);
    RunResult result = new WorkloadRunner(settings).run(
        EngineKind.byId(arguments.get("engine")),
        Workload.valueOf(arguments.get("workload").toUpperCase()),
        StoreKind.valueOf(arguments.getOrDefault("store", "h2").toUpperCase()),
        System.getenv("MILEPOST_BENCH_PG"));
    System.out.println(RESULT_PREFIX + JsonMapper.builder().build().writeValueAsString(result));
    System.out.flush();
    System.exit(0); // engines may leave non-daemon threads behind
  }
}
