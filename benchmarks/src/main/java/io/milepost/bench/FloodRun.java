package io.milepost.bench;

import io.milepost.bench.harness.Arguments;
import io.milepost.bench.harness.FloodRunner;
import io.milepost.bench.harness.FloodRunner.Flood;
import io.milepost.bench.harness.FloodRunner.TransportResult;
import io.milepost.bench.harness.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The back-pressure run: engine-host offered more instance creations than it can take, over gRPC and REST
 * with the official client ({@code --transports=grpc,rest}, {@code --multiples=2,4} of the measured saturation
 * rate, {@code --flood-seconds=20}, and {@link Settings}' warm-up and round options for the saturation
 * measurement). Run it with {@code java -cp benchmarks/target/benchmarks.jar io.milepost.bench.FloodRun}
 * after {@code benchmarks/run.sh}'s build; it prints a Markdown table and {@code BENCH-FLOOD <json>}.
 */
public final class FloodRun {

  static final String RESULT_PREFIX = "BENCH-FLOOD ";

  private FloodRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = Arguments.parse(args);
    FloodRunner runner = new FloodRunner(Settings.fromArguments(arguments));
    List<Double> multiples = Arguments.list(arguments, "multiples", "2,4").stream().map(Double::parseDouble).toList();
    int seconds = Integer.parseInt(arguments.getOrDefault("flood-seconds", "20"));
    List<TransportResult> results = new ArrayList<>();
    for (String transport : Arguments.list(arguments, "transports", "grpc,rest")) {
      if (!transport.equals("grpc") && !transport.equals("rest")) {
        throw new IllegalArgumentException("Expected transports among [grpc, rest], but found '" + transport + "'");
      }
      results.add(runner.run(transport.equals("grpc"), multiples, seconds));
    }
    System.out.println(markdown(results));
    System.out.println(RESULT_PREFIX + JsonMapper.builder().build().writeValueAsString(results));
    System.out.flush();
    System.exit(0); // the client may leave non-daemon threads behind
  }

  private static String markdown(List<TransportResult> results) {
    StringBuilder table = new StringBuilder("| transport | saturation inst/s | offered | offered inst/s "
        + "| completed inst/s | accepted | refused | timed out | other errors | accepted p50 / p99 ms | refused p50 ms "
        + "| limit near the end (range) | load avg before, after |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (TransportResult result : results) {
      for (Flood flood : result.floods()) {
        table.append(String.format("| %s | %.0f | %.0fx for %.0f s | %.0f | %.0f | %s | %s | %s | %d | %.1f / %.1f "
                + "| %.1f | %s (%s..%s) | %.1f, %.1f |%n", result.transport(), result.saturationPerSecond(),
            flood.multiple(), flood.seconds(), flood.offeredPerSecond(), flood.completedPerSecond(), share(flood.accepted(), flood),
            share(flood.refused(), flood), share(flood.timedOut(), flood), flood.failed(), flood.acceptedP50Millis(),
            flood.acceptedP99Millis(), flood.refusedP50Millis(), flood.limitAtEnd(), flood.limitMin(), flood.limitMax(),
            flood.loadBefore(), flood.loadAfter()));
      }
    }
    return table.toString();
  }

  private static String share(int count, Flood flood) {
    return String.format("%d (%.1f %%)", count, 100.0 * count / flood.offered());
  }
}
