package io.milepost.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.api.ModelProblem;
import io.milepost.engine.expression.ExpressionLanguage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploy-checks every model of the public BPMN corpus (copied from ../shared/bpmn-corpus with its
 * licences) and compares the outcome per file with the reviewed list in corpus-expected.txt, so any
 * change in what we accept or reject shows up here.
 */
class CorpusTest {

  private static final BpmnTransformer TRANSFORMER = new BpmnTransformer(new ExpressionLanguage());
  private static Map<String, String> outcomes;

  @BeforeAll
  static void transformCorpus() throws Exception {
    Path root = Path.of(CorpusTest.class.getResource("/bpmn-corpus").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      outcomes = files.filter(p -> p.toString().endsWith(".bpmn")).collect(Collectors.toMap(
          p -> root.relativize(p).toString(), CorpusTest::outcome, (a, b) -> a, TreeMap::new));
    }
  }

  private static String outcome(Path file) {
    try {
      BpmnTransformer.Result result = TRANSFORMER.transform(file.getFileName().toString(), Files.readAllBytes(file));
      if (result.problems().isEmpty()) {
        return "DEPLOYED " + result.processes().stream().map(ExecutableProcess::bpmnProcessId).toList();
      }
      return "REJECTED " + result.problems().stream()
          .map(p -> (p.elementId() == null ? "-" : p.elementId()) + ": " + p.message().replace('\n', ' '))
          .sorted().collect(Collectors.joining(" | "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldMatchTheReviewedOutcomePerFile() throws IOException, URISyntaxException {
    Path expectedFile = Path.of(CorpusTest.class.getResource("/corpus-expected.txt").toURI());
    String actual = outcomes.entrySet().stream().map(e -> e.getKey() + " => " + e.getValue())
        .collect(Collectors.joining("\n")) + "\n";
    if (Boolean.getBoolean("corpus.update")) {
      Files.writeString(Path.of("src/test/resources/corpus-expected.txt"), actual);
    }
    assertThat(actual).isEqualTo(Files.readString(expectedFile));
  }

  @Test
  void shouldRejectTheFourNegativeCasesForTheReasonsCamundaGives() {
    assertThat(outcomes.get("camunda+camunda-8-js-sdk/src/__tests__/testdata/Client-BrokenBpmn.bpmn"))
        .startsWith("REJECTED").contains("ServiceTask_0g6tf5f: Attribute 'type' must be present and not empty");
    assertThat(outcomes.get("camunda+zeebe/zeebe/bpmn-model/src/test/resources/io/camunda/zeebe/model/bpmn/validation/default-flow-inclusive-gateway.bpmn"))
        .startsWith("REJECTED").contains("Default flow must start at gateway");
    assertThat(outcomes.get("camunda+zeebe/zeebe/bpmn-model/src/test/resources/io/camunda/zeebe/model/bpmn/validation/LinkEventTest.testCatchLinkEventAfterEventBasedGatewayNotAllowed.bpmn"))
        .startsWith("REJECTED").contains("Event-based gateway must have at least 2 outgoing sequence flows")
        .contains("must not have an outgoing sequence flow to other elements than message/timer/signal");
    assertThat(outcomes.get("camunda+zeebe/zeebe/bpmn-model/src/test/resources/io/camunda/zeebe/model/bpmn/validation/multiple-timer-start-event-sub-process.bpmn"))
        .startsWith("REJECTED").contains("Start events in subprocesses must be of type none").contains("Must have exactly one start event");
  }

  @Test
  void shouldNameTheElementOfEveryProblem() {
    List<String> unnamed = outcomes.entrySet().stream()
        .filter(e -> e.getValue().startsWith("REJECTED"))
        .flatMap(e -> Stream.of(e.getValue().substring("REJECTED ".length()).split(" \\| "))
            .filter(problem -> problem.startsWith("-: ") && !problem.contains("executable process")
                && !problem.contains("could not be read"))
            .map(problem -> e.getKey() + " => " + problem))
        .toList();
    assertThat(unnamed).isEmpty();
  }

  @Test
  void shouldNeverRejectAModelForItsPoolsLanesDataObjectsAnnotationsOrGroups() {
    List<String> blamed = outcomes.values().stream()
        .filter(outcome -> outcome.matches("(?i).*(participant|lane|dataObject|dataStore|textAnnotation|group)'? of type.*"))
        .toList();
    assertThat(blamed).isEmpty();
  }
}
