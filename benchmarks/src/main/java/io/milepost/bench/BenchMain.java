package io.milepost.bench;

import io.milepost.bench.engine.EngineHostProcess;
import io.milepost.bench.engine.EngineKind;
import io.milepost.bench.harness.Arguments;
import io.milepost.bench.harness.GrowthRunner.GrowthResult;
import io.milepost.bench.harness.Results.RunResult;
import io.milepost.bench.harness.Settings;
import io.milepost.bench.harness.StoreKind;
import io.milepost.bench.harness.WaitingRunner.WaitingResult;
import io.milepost.bench.harness.Workload;
import io.milepost.bench.report.MarkdownReport;
import io.milepost.bench.report.ThroughputChart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every engine on every workload and store, each in a child JVM ({@link RunOne}), then the growth
 * run ({@link GrowthRun}) and the waiting run ({@link WaitingRun}), and writes RESULTS.md and the throughput
 * chart. Options: {@code --quick}, {@code --engines=milepost,milepost-rest,milepost-grpc,flowable} (the default;
 * {@code milepost-plugins} adds the fifth workload: engine-host with its plugins, on workload {@code order} only) or
 * {@code --engines=none}, {@code --workloads=sequence,order,parallel} or {@code --workloads=none},
 * {@code --stores=h2,postgres} (postgres by default when MILEPOST_BENCH_PG is set),
 * {@code --growth=0,100000,1000000} (the default) or {@code --growth=none}, {@code --h2-commit-durability=process-kill}
 * (the engine's H2 commits survive a process kill only; default power-cut), {@code --gc=zgc}, {@code --gc=parallel}
 * or {@code --gc=shenandoah} (the measured JVMs collect with ZGC, the parallel collector or Shenandoah instead of
 * G1), {@code --completion=async} (the Camunda client's job handlers send each completion and return instead of
 * waiting for its answer: {@link io.milepost.bench.engine.HandlerCompletion}), {@code --waiting=100000} (instances
 * waiting on a message) or {@code --waiting=none}, {@code --jfr} (a JFR recording per child), {@code --report-only}
 * (re-render from the saved results), {@code --merge} (keep the saved results this run does not replace, e.g.
 * H2 rows when only PostgreSQL runs), {@code --results=benchmarks/RESULTS.md} (the raw results go to
 * {@code results/} beside it, and NOTES.md beside it, when present, is appended).
 */
public final class BenchMain {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> arguments = Arguments.parse(args);
    Arguments.choice(arguments, "gc", GarbageCollector.G1); // a wrong --gc fails here, before anything is written
    Settings settings = Settings.fromArguments(arguments);
    List<EngineKind> engines = Arguments.list(arguments, "engines", "milepost,milepost-rest,milepost-grpc,flowable")
        .stream().filter(e -> !e.equals("none")).map(EngineKind::byId).toList();
    List<Workload> workloads = Arguments.list(arguments, "workloads", "sequence,order,parallel").stream()
        .filter(w -> !w.equals("none")).map(w -> Workload.valueOf(w.toUpperCase())).toList();
    boolean runsSomething = !engines.isEmpty() && !workloads.isEmpty()
        || !arguments.getOrDefault("growth", GrowthRun.DEFAULT_LEVELS).equals("none")
        || !arguments.getOrDefault("waiting", "100000").equals("none");
    if (!runsSomething && !arguments.containsKey("report-only") && !arguments.containsKey("merge")) {
      // such a run once replaced RESULTS.md's tables with empty ones
      throw new IllegalArgumentException("Expected something to run (--engines with --workloads, --growth or "
          + "--waiting) or --report-only, but found none; nothing was written");
    }
    Files.createDirectories(settings.workDir());
    String postgres = System.getenv("MILEPOST_BENCH_PG");
    List<StoreKind> stores = Arguments.list(arguments, "stores", postgres == null ? "h2" : "h2,postgres").stream()
        .map(s -> StoreKind.valueOf(s.toUpperCase())).toList();

    // the raw results live beside RESULTS.md, so the report can be rendered again from a fresh clone
    Path resultsFile = Path.of(arguments.getOrDefault("results", "benchmarks/RESULTS.md")).toAbsolutePath();
    Path data = Files.createDirectories(resultsFile.resolveSibling("results"));
    Path saved = data.resolve("runs.json");
    Path savedGrowth = data.resolve("growth.json");
    Path savedWaiting = data.resolve("waiting.json");
    boolean keepSaved = arguments.containsKey("report-only") || arguments.containsKey("merge");
    List<RunResult> results = keepSaved ? load(saved, RunResult[].class) : new ArrayList<>();
    List<GrowthResult> growth = keepSaved ? load(savedGrowth, GrowthResult[].class) : new ArrayList<>();
    List<WaitingResult> waiting = keepSaved ? load(savedWaiting, WaitingResult[].class) : new ArrayList<>();
    if (!arguments.containsKey("report-only")) {
      for (StoreKind store : stores) {
        for (Workload workload : workloads) {
          for (EngineKind engine : engines.stream().filter(e -> e.runs(workload)).toList()) {
            List<String> childArgs = new ArrayList<>(List.of("--engine=" + engine.id(),
                "--workload=" + workload.name().toLowerCase(), "--store=" + store.name().toLowerCase()));
            String line = runChild(RunOne.class, RunOne.RESULT_PREFIX, engine.id() + "-" + workload + "-" + store,
                childArgs, args, settings, arguments.containsKey("jfr"));
            if (line != null) {
              RunResult result = JSON.readValue(line, RunResult.class);
              results.removeIf(r -> r.engine().equals(result.engine()) && r.workload().equals(result.workload())
                  && r.store().equals(result.store()));
              results.add(result);
              JSON.writerWithDefaultPrettyPrinter().writeValue(saved.toFile(), results);
            }
          }
        }
      }
      String levels = arguments.getOrDefault("growth", GrowthRun.DEFAULT_LEVELS);
      if (!levels.equals("none")) {
        String line = runChild(GrowthRun.class, GrowthRun.RESULT_PREFIX, "growth", List.of("--store=h2"), args,
            settings, arguments.containsKey("jfr"));
        if (line != null) {
          growth.clear();
          growth.add(JSON.readValue(line, GrowthResult.class));
          JSON.writerWithDefaultPrettyPrinter().writeValue(savedGrowth.toFile(), growth);
        }
      }
      if (!arguments.getOrDefault("waiting", "100000").equals("none")) {
        String line = runChild(WaitingRun.class, WaitingRun.RESULT_PREFIX, "waiting", List.of("--store=h2"), args,
            settings, arguments.containsKey("jfr"));
        if (line != null) {
          waiting.clear();
          waiting.add(JSON.readValue(line, WaitingResult.class));
          JSON.writerWithDefaultPrettyPrinter().writeValue(savedWaiting.toFile(), waiting);
        }
      }
    }

    Path chart = resultsFile.resolveSibling("throughput.png");
    if (!results.isEmpty()) {
      // a run of the growth or waiting part alone leaves the chart of the last full run alone
      ThroughputChart.write(results.stream().map(RunResult::store).distinct().toList(),
          workloads.stream().map(Workload::name).toList(), engines.stream().map(EngineKind::id).toList(),
          engines.stream().map(EngineKind::label).toList(), workloads.stream().map(Workload::label).toList(),
          results, chart);
    }
    String command = arguments.getOrDefault("command", "java -jar benchmarks/target/benchmarks.jar "
        + String.join(" ", args));
    String report = MarkdownReport.render(command, settings, results, growth, waiting,
        chart.getFileName().toString());
    // hand-written findings (profiles, caveats) that belong next to the numbers
    Path notes = resultsFile.resolveSibling("NOTES.md");
    if (Files.exists(notes)) {
      report += "\n" + Files.readString(notes);
    }
    Files.writeString(resultsFile, report);
    System.err.println("Wrote " + resultsFile + (results.isEmpty() ? "" : " and " + chart));
  }

  private static <T> List<T> load(Path file, Class<T[]> type) {
    return Files.exists(file) ? new ArrayList<>(List.of(JSON.readValue(file.toFile(), type))) : new ArrayList<>();
  }

  /** Runs {@code main} in a child JVM with the same class path; returns the JSON after {@code prefix}, or null. */
  private static String runChild(Class<?> main, String prefix, String name, List<String> childArgs, String[] parentArgs,
      Settings settings, boolean jfr) throws IOException, InterruptedException {
    String gc = Arguments.choice(Arguments.parse(parentArgs), "gc", GarbageCollector.G1).flag();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", gc, "-D" + EngineHostProcess.GC_PROPERTY + "=" + gc));
    if (jfr) {
      command.add("-XX:StartFlightRecording=filename=" + settings.workDir().resolve(name + ".jfr") + ",settings=profile");
      command.add(EngineHostProcess.JFR_STACK_DEPTH);
      // an engine-host started by this child records too (EngineHostProcess)
      command.add("-D" + EngineHostProcess.JFR_PROPERTY + "=" + settings.workDir().resolve(name + "-host.jfr"));
    }
    String hostArgs = System.getProperty(EngineHostProcess.HOST_ARGS_PROPERTY);
    if (hostArgs != null) {
      command.add("-D" + EngineHostProcess.HOST_ARGS_PROPERTY + "=" + hostArgs);
    }
    String durability = Arguments.parse(parentArgs).get("h2-commit-durability");
    if (durability != null) {
      command.add("-D" + EngineHostProcess.H2_DURABILITY_PROPERTY + "=" + durability);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(childArgs);
    for (String arg : parentArgs) {
      if (!arg.startsWith("--engines") && !arg.startsWith("--workloads") && !arg.startsWith("--stores")
          && !arg.startsWith("--results") && !arg.startsWith("--command")) {
        command.add(arg);
      }
    }
    System.err.println("== " + name);
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(prefix)) {
          result = line.substring(prefix.length());
        } else {
          System.err.println(line);
        }
      }
    }
    int exit = child.waitFor();
    if (result == null) {
      System.err.println("!! " + name + " ended with exit code " + exit + " and no result");
    }
    return result;
  }
}
