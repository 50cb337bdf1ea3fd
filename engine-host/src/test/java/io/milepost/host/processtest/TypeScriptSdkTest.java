package io.milepost.host.processtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/node/sdk.test.mjs} (Camunda's TypeScript SDK, {@code @camunda8/orchestration-cluster-api} at
 * the version package-lock.json pins) with Node against a running Milepost. Skipped, saying so, where {@code node}
 * or {@code npm} is not installed.
 */
class TypeScriptSdkTest {

  private static final Path NODE_TEST = Path.of("src", "test", "node");

  @Test
  void shouldRunTheSdksDeployWorkerUserTaskAndSearchAgainstMilepost() throws Exception {
    assumeTrue(onPath("node") && onPath("npm"),
        "node and npm are not installed: skipping the TypeScript SDK test");
    if (!Files.isDirectory(NODE_TEST.resolve("node_modules"))) {
      Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
      assertThat(install.exitCode()).as("npm ci:%n%s", install.output()).isZero();
    }

    Result test = run(List.of("node", "--test", "sdk.test.mjs"),
        Map.of("MILEPOST_REST_ADDRESS", RunningMilepost.shared().address().toString()), 180);

    assertThat(test.exitCode()).as("node --test sdk.test.mjs:%n%s", test.output()).isZero();
    assertThat(test.output()).contains("# pass 1", "# fail 0");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("milepost-node", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(NODE_TEST.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(output);
    return new Result(process.exitValue(), output);
  }

  private static boolean onPath(String executable) {
    String path = System.getenv("PATH");
    return path != null && List.of(path.split(File.pathSeparator)).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
  }
}
