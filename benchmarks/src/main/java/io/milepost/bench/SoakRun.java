package io.milepost.bench;

import io.milepost.bench.harness.Arguments;
import io.milepost.bench.harness.Settings;
import io.milepost.bench.harness.SoakRunner;
import io.milepost.bench.harness.StoreKind;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak of engine-host with its plugins, in a JVM of its own: {@code --soak-rate=} orders/s (half the capacity the
 * fifth workload measured), {@code --soak-minutes=60}, {@code --soak-sample-seconds=60}, {@code --store=h2|postgres},
 * {@code --soak-table=} the Markdown table it writes as it goes. Prints {@code BENCH-SOAK <json>} at the end.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.milepost.bench.SoakRun --soak-rate=150 --soak-minutes=60</pre>
 */
public final class SoakRun {

  static final String RESULT_PREFIX = "BENCH-SOAK ";

  private SoakRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = Arguments.parse(args);
    String rate = arguments.get("soak-rate");
    if (rate == null) {
      throw new IllegalArgumentException("Expected --soak-rate=<orders per second> (half the capacity the fifth "
          + "workload measured on this store), but it is missing");
    }
    StoreKind store = StoreKind.valueOf(arguments.getOrDefault("store", "h2").toUpperCase());
    var result = new SoakRunner(Settings.fromArguments(arguments)).run(store, System.getenv("MILEPOST_BENCH_PG"),
        Double.parseDouble(rate), Integer.parseInt(arguments.getOrDefault("soak-minutes", "60")),
        Integer.parseInt(arguments.getOrDefault("soak-sample-seconds", "60")),
        Path.of(arguments.getOrDefault("soak-table", "benchmarks/target/soak-" + store.name().toLowerCase() + ".md")));
    System.out.println(RESULT_PREFIX + JsonMapper.builder().build().writeValueAsString(result));
    System.out.flush();
    System.exit(0);
  }
}
