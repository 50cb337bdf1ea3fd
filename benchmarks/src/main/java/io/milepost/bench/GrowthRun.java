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

  private GrowthRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = Arguments.parse(args);
    var result = new GrowthRunner(Settings.fromArguments(arguments)).run(
        StoreKind.valueOf(arguments.getOrDefault("store", "h2").toUpperCase()),
        System.getenv("MILEPOST_BENCH_PG"),
        Arrays.stream(arguments.getOrDefault("growth", "0,10000,100000").split(",")).map(Integer::valueOf).toList(),
        Integer.parseInt(arguments.getOrDefault("growth-max-fill-seconds", "1500")));
    System.out.println(RESULT_PREFIX + JsonMapper.builder().build().writeValueAsString(result));
    System.out.flush();
    System.exit(0);
  }
}
