package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.milepost.engine.api.DeploymentRejectedException;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.EngineHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LinkEventTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  @Test
  void shouldContinueAtTheCatchLinkEventWithTheSameName() {
    // given a model drawn on two "pages" joined by the link "to-packing"
    BpmnModelInstance model = Bpmn.createExecutableProcess("p")
        .startEvent().serviceTask("pick", t -> t.zeebeJobType("pick")).intermediateThrowEvent("go-pack").link("to-packing")
        .done();
    linkCatch(model, "packing", "to-packing").builder()
        .serviceTask("pack", t -> t.zeebeJobType("pack")).endEvent("packed");
    model.getDefinitions().getBpmDiagrams().clear(); // the builder cannot lay out an element it did not place
    harness.deploy(model);
    long instance = harness.start("p", Map.of());

    // when
    harness.completeJob("pick", Map.of());

    // then
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsSubsequence("pick", "go-pack", "packing");
    harness.completeJob("pack", Map.of());
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  /** The fluent builder starts chains only at start events: a link catch event is added by hand. */
  private static IntermediateCatchEvent linkCatch(BpmnModelInstance model, String id, String linkName) {
    IntermediateCatchEvent event = model.newInstance(IntermediateCatchEvent.class);
    event.setId(id);
    LinkEventDefinition link = model.newInstance(LinkEventDefinition.class);
    link.setName(linkName);
    event.getEventDefinitions().add(link);
    model.<Process>getModelElementById("p").addChildElement(event);
    return event;
  }

  @Test
  void shouldRejectAThrowLinkWithoutACatchLink() {
    var model = Bpmn.createExecutableProcess("p").startEvent().intermediateThrowEvent("jump").link("nowhere").done();

    assertThatThrownBy(() -> harness.deploy(model)).isInstanceOf(DeploymentRejectedException.class)
        .hasMessageContaining("Can't find an catch link event for the throw link event with the name 'nowhere'");
  }
}
