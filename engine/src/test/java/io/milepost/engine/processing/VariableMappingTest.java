package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.testing.EngineHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VariableMappingTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  @Test
  void shouldGiveTheJobItsInputsAsLocalVariablesWithoutLeakingThemToTheProcess() {
    // given
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pick", t -> t.zeebeJobType("pick")
            .zeebeInputExpression("order.items[1].sku", "sku")
            .zeebeInputExpression("\"fc-\" + region", "siteId"))
        .endEvent().done());
    long instance = harness.start("p", Map.of("region", "west",
        "order", Map.of("items", List.of(Map.of("sku", "A-1"), Map.of("sku", "B-2")))));

    // when
    ActivatedJob job = harness.activateOne("pick");
    harness.engine().completeJob(job.key(), Map.of("tote", "T-9"));

    // then
    assertThat(job.variables()).containsEntry("sku", "A-1").containsEntry("siteId", "fc-west");
    assertThat(harness.variables(instance)).containsEntry("tote", "T-9").doesNotContainKeys("sku", "siteId");
  }

  @Test
  void shouldReadAVariableAsTheSameCommandLastSetIt() {
    // given: one command reads the order's lines for a script, changes them, and reads them again at a gateway
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .scriptTask("add-line", t -> t.zeebeExpression("append(lines, \"gift-wrap\")").zeebeResultVariable("lines"))
        .exclusiveGateway("wrapped")
        .sequenceFlowId("to-wrap").conditionExpression("=count(lines) = 2").serviceTask("wrap", t -> t.zeebeJobType("wrap"))
        .endEvent()
        .moveToLastExclusiveGateway().defaultFlow().serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent()
        .done());

    // when
    long instance = harness.start("p", Map.of("lines", List.of("book")));

    // then the gateway saw the list the script made, and so does the job
    ActivatedJob job = harness.activateOne("wrap");
    assertThat(job.processInstanceKey()).isEqualTo(instance);
    assertThat(job.variables()).containsEntry("lines", List.of("book", "gift-wrap"));
  }

  @Test
  void shouldLetOutputMappingsDecideWhatReachesTheProcess() {
    // given
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pack", t -> t.zeebeJobType("pack")
            .zeebeOutputExpression("box.code", "boxCode")
            .zeebeOutputExpression("box.weightKg * 1000", "shipment.grams"))
        .endEvent().done());
    long instance = harness.start("p", Map.of("shipment", Map.of("id", "S-1")));

    // when
    harness.completeJob("pack", Map.of("box", Map.of("code", "M2", "weightKg", 1.5), "debug", "x"));

    // then
    Map<String, Object> variables = harness.variables(instance);
    assertThat(variables).containsEntry("boxCode", "M2").doesNotContainKeys("box", "debug");
    assertThat(variables.get("shipment")).isEqualTo(Map.of("id", "S-1", "grams", 1500));
  }

  @Test
  void shouldRecordAnUpdateOnlyForAVariableWhoseValueChanged() {
    // given an instance with two variables, and a worker that sends both back, one of them changed
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("weigh", t -> t.zeebeJobType("weigh")).endEvent().done());
    long instance = harness.start("p", Map.of("order", Map.of("id", "o-1", "items", List.of("A", "B")), "weightKg", 2));

    // when
    harness.completeJob("weigh", Map.of("order", Map.of("id", "o-1", "items", List.of("A", "B")), "weightKg", 3,
        "note", "light"));

    // then the changed one is updated, the new one created, and the unchanged one leaves no update behind
    assertThat(harness.variables(instance)).containsEntry("weightKg", 3).containsEntry("note", "light")
        .containsEntry("order", Map.of("id", "o-1", "items", List.of("A", "B")));
    List<String> variableEvents = harness.engine().queries().events(instance).stream()
        .filter(event -> event.valueType().equals("VARIABLE"))
        .map(event -> event.intent() + " " + event.payloadJson().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1"))
        .toList();
    assertThat(variableEvents).containsExactlyInAnyOrder("CREATED order", "CREATED weightKg", "UPDATED weightKg",
        "CREATED note");
  }

  @Test
  void shouldRaiseAnIoMappingIncidentWhenAnInputFails() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pick", t -> t.zeebeJobType("pick").zeebeInputExpression("assert(order, order != null)", "x"))
        .endEvent().done());
    long instance = harness.start("p", Map.of());

    var incidents = harness.engine().queries().searchIncidents(
        new io.milepost.engine.api.IncidentFilter(null, instance, null, null, null, null, null),
        io.milepost.engine.api.PageRequest.defaults()).items();
    assertThat(incidents).singleElement().satisfies(i -> {
      assertThat(i.errorType()).isEqualTo("IO_MAPPING_ERROR");
      assertThat(i.elementId()).isEqualTo("pick");
    });
    assertThat(harness.activate("pick", 1)).isEmpty();
  }
}
