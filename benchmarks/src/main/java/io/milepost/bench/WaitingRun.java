package io.milepost.bench;

import io.milepost.bench.harness.Arguments;
import io.milepost.bench.harness.Settings;
import io.milepost.bench.harness.StoreKind;
import io.milepost.bench.harness.WaitingRunner;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The waiting run in a JVM of its own ({@code --waiting=100000} instances, {@code --waiting-threads=16},
 * {@code --waiting-max-fill-seconds=1500}, {@code --waiting-kill=false} to skip the kill -9 restart); prints
 * {@code BENCH-WAITING <json>}.
 */
public final class WaitingRun {

  static final String RESULT_PREFIX = "BENCH-WAITING ";

  private WaitingRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = Arguments.parse(args);
    var result = new WaitingRunner(Settings.fromArguments(arguments)).run(
        StoreKind.valueOf(arguments.getOrDefault("store", "h2").toUpperCase()),
        System.getenv("MILEPOST_BENCH_PG"),
        Integer.parseInt(arguments.getOrDefault("waiting", "100000")),
        Integer.parseInt(arguments.getOrDefault("waiting-threads", "16")),
        Integer.parseInt(arguments.getOrDefault("waiting-max-fill-seconds", "1500")),
        Boolean.parseBoolean(arguments.getOrDefault("waiting-kill", "true")));
    System.out.println(RESULT_PREFIX + JsonMapper.builder().build().writeValueAsString(result));
    System.out.flush();
    System.exit(0);
  }
}
