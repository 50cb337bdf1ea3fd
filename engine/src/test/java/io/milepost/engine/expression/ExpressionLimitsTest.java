package io.milepost.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.EngineHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A process engineer's runaway expression becomes an incident on its element, naming the limit and the
 * expression; the writer goes on serving. Each test leaves the limits it is not about far away.
 */
class ExpressionLimitsTest {

  private static final Duration FAR = Duration.ofMinutes(5);
  private static final long NO_MEMORY_LIMIT = 1L << 40;

  private static long startScript(EngineHarness harness, String expression) {
    harness.deploy(Bpmn.createExecutableProcess("runaway").startEvent()
        .scriptTask("count", t -> t.zeebeExpression(expression).zeebeResultVariable("n")).endEvent().done());
    return harness.start("runaway", Map.of());
  }

  private static String incidentMessage(EngineHarness harness, long instance) {
    List<IncidentView> incidents = harness.engine().queries().searchIncidents(
        new IncidentFilter(null, instance, null, null, null, null, null), PageRequest.defaults()).items();
    assertThat(incidents).singleElement().satisfies(incident -> assertThat(incident.elementId()).isEqualTo("count"));
    return incidents.getFirst().errorMessage();
  }

  @Nested
  class Items {

    @RegisterExtension
    final EngineHarness harness = new EngineHarness(c -> c.withExpressionLimits(
        new ExpressionLimits(FAR, 100_000, NO_MEMORY_LIMIT)));

    @Test
    void shouldRaiseAnIncidentInsteadOfBuildingAHugeRange() {
      // when
      long instance = startScript(harness, "count(for i in 1..20000000 return i)");

      // then
      assertThat(incidentMessage(harness, instance))
          .contains("'=count(for i in 1..20000000 return i)'")
          .contains("builds a list of 20000000 items, more than the limit of 100000");
    }

    @Test
    void shouldRaiseAnIncidentForEveryCombinationOfIteratedLists() {
      // each list is allowed; all their combinations are not
      long instance = startScript(harness, "count(for i in 1..1000, j in 1..1000 return i)");

      assertThat(incidentMessage(harness, instance)).contains("builds a list of 1000000 items");
    }

    @Test
    void shouldKeepServingOtherInstancesAfterABreach() {
      // given a runaway instance
      startScript(harness, "count(for i in 1..20000000 return i)");

      // when another process runs
      harness.deploy(Bpmn.createExecutableProcess("small").startEvent()
          .scriptTask("sum", t -> t.zeebeExpression("sum(for i in 1..100 return i)").zeebeResultVariable("total"))
          .endEvent().done());
      long small = harness.start("small", Map.of());

      // then it completes with the expression's value
      assertThat(harness.engine().queries().processInstance(small).orElseThrow().state())
          .isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(harness.variables(small)).containsEntry("total", 5050);
    }
  }

  /** A decision's FEEL runs on the same writer: the same limits hold inside a decision table. */
  @Nested
  class Decisions {

    private static final String RUNAWAY_TABLE = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="runaway-drg" name="Runaway"
            namespace="http://milepost.io/dmn/test">
          <decision id="runaway-decision" name="Runaway">
            <decisionTable id="runaway-table">
              <input id="n" label="N">
                <inputExpression id="n-expression" typeRef="number"><text>n</text></inputExpression>
              </input>
              <output id="count" name="count" typeRef="number" />
              <rule id="count-rule">
                <inputEntry id="any"><text>-</text></inputEntry>
                <outputEntry id="count-out"><text>count(for i in 1..n return i)</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """;

    @RegisterExtension
    final EngineHarness harness = new EngineHarness(c -> c.withExpressionLimits(
        new ExpressionLimits(FAR, 100_000, NO_MEMORY_LIMIT)));

    @Test
    void shouldRaiseAnIncidentOnTheBusinessRuleTaskWhenATableBreachesALimitAndKeepServing() {
      // given a decision table whose output entry builds a range as long as its input says
      harness.engine().deploy(List.of(
          new DeploymentResource("runaway.dmn", RUNAWAY_TABLE.strip().getBytes(StandardCharsets.UTF_8)),
          new DeploymentResource("decide.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("decide")
              .startEvent().businessRuleTask("count", t -> t.zeebeCalledDecisionId("runaway-decision")
                  .zeebeResultVariable("n"))
              .endEvent().done()).getBytes(StandardCharsets.UTF_8))));

      // when one instance asks for 20,000,000 items and another for 100
      long runaway = harness.start("decide", Map.of("n", 20_000_000));
      long small = harness.start("decide", Map.of("n", 100));

      // then the first has an incident naming the limit and the expression, and the second completed
      assertThat(incidentMessage(harness, runaway))
          .contains("'count(for i in 1..n return i)'")
          .contains("builds a list of 20000000 items, more than the limit of 100000");
      assertThat(harness.engine().queries().processInstance(small).orElseThrow().state())
          .isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(harness.variables(small)).containsEntry("n", 100);
    }
  }

  @Nested
  class Memory {

    @RegisterExtension
    final EngineHarness harness = new EngineHarness(c -> c.withExpressionLimits(
        new ExpressionLimits(FAR, 100_000, 16L << 20)));

    @Test
    void shouldRaiseAnIncidentWhenAnEvaluationAllocatesPastItsLimit() {
      // FEEL's for copies the list built so far at every iteration: 20,000 items allocate gigabytes
      long instance = startScript(harness, "count(for i in 1..20000 return i)");

      assertThat(incidentMessage(harness, instance)).contains("allocated more than the memory limit of 16 MB");
    }
  }

  @Nested
  class Time {

    @RegisterExtension
    final EngineHarness harness = new EngineHarness(c -> c.withExpressionLimits(
        new ExpressionLimits(Duration.ofMillis(50), 100_000, NO_MEMORY_LIMIT)));

    @Test
    void shouldRaiseAnIncidentWhenAnEvaluationRunsPastItsLimit() {
      // quadratic in FEEL: minutes of work for 100,000 items
      long instance = startScript(harness, "count(for i in 1..100000 return i)");

      assertThat(incidentMessage(harness, instance)).contains("ran longer than the time limit of 50 ms");
    }
  }
}
