package io.milepost.bench;

import io.milepost.bench.harness.Arguments;
import io.milepost.bench.harness.GrowthRunner;
import io.milepost.bench.harness.Settings;
import io.milepost.bench.harness.StoreKind;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The growth run in a JVM of its own; prints {@code BENCH-GROWTH <json>}. */
public final class GrowthRun {

  static final String RESULT_PREFIX = "BENCH-GROWTH ";
  /** The levels the performance issue asks for: about 20 minutes of filling and 13 GB of H2 file at the last. */
  static final String DEFAULT_LEVELS = "0,100000,1000000";
  static final String QUICK_LEVELS = "0,5000,20000";

  private GrowthRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = Arguments.parse(args);
    var result = new GrowthRunner(Settings.fromArguments(arguments)).run(
        StoreKind.valueOf(arguments.getOrDefault("store", "h2").toUpperCase()),
        System.getenv("MILEPOST_BENCH_PG"),
        Arrays.stream(arguments.getOrDefault("growth",
            arguments.containsKey("quick") ? QUICK_LEVELS : DEFAULT_LEVELS).split(",")).map(Integer::valueOf).toList(),
        Integer.parseInt(arguments.getOrDefault("growth-max-fill-seconds", "2400")));
    System.out.println(RESULT_PREFIX + JsonMapper.builder().build().writeValueAsString(result));
    System.out.flush();
    System.exit(0);
  }
}
