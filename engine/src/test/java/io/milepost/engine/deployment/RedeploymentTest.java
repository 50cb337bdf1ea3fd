package io.milepost.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.Deployment.DeployedProcess;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.testing.EngineHarness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deploying a resource again creates new versions only when it changed, or when another replaced its processes. */
class RedeploymentTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private static String definitions(String... processes) {
    return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" "
        + "targetNamespace=\"http://milepost.io/test\">" + String.join("", processes) + "</definitions>";
  }

  private static String process(String id, String endName) {
    return "<process id=\"" + id + "\" isExecutable=\"true\"><startEvent id=\"" + id + "-start\"/>"
        + "<sequenceFlow id=\"" + id + "-flow\" sourceRef=\"" + id + "-start\" targetRef=\"" + id + "-end\"/>"
        + "<endEvent id=\"" + id + "-end\" name=\"" + endName + "\"/></process>";
  }

  private Map<String, DeployedProcess> deploy(String name, String xml) {
    Deployment deployment = harness.engine().deploy(List.of(new DeploymentResource(name, xml.getBytes(StandardCharsets.UTF_8))));
    return deployment.processes().stream().collect(Collectors.toMap(DeployedProcess::bpmnProcessId, p -> p));
  }

  @Test
  void shouldKeepTheVersionsOfAnUnchangedResource() {
    Map<String, DeployedProcess> first = deploy("network.bpmn", definitions(process("receive", "done"), process("sort", "done")));

    Map<String, DeployedProcess> again = deploy("network.bpmn", definitions(process("receive", "done"), process("sort", "done")));

    assertThat(again).isEqualTo(first);
    assertThat(again.get("receive").version()).isEqualTo(1);
  }

  @Test
  void shouldVersionEveryProcessOfAChangedResource() {
    deploy("network.bpmn", definitions(process("receive", "done"), process("sort", "done")));

    Map<String, DeployedProcess> changed = deploy("network.bpmn",
        definitions(process("receive", "done"), process("sort", "sorted")));

    // as in Camunda, the checksum is the resource's: a change anywhere in it versions all its processes
    assertThat(changed.get("receive").version()).isEqualTo(2);
    assertThat(changed.get("sort").version()).isEqualTo(2);
  }

  @Test
  void shouldVersionAProcessAgainWhenAnotherResourceReplacedItMeanwhile() {
    // given a resource of two processes, and one of them replaced since by another resource
    Map<String, DeployedProcess> original = deploy("network.bpmn",
        definitions(process("receive", "done"), process("sort", "done")));
    deploy("sort.bpmn", definitions(process("sort", "sorted")));

    // when the original resource is deployed again, unchanged
    Map<String, DeployedProcess> again = deploy("network.bpmn",
        definitions(process("receive", "done"), process("sort", "done")));

    // then its version of 'sort' is the latest once more
    assertThat(again.get("receive")).isEqualTo(original.get("receive"));
    assertThat(again.get("sort").version()).isEqualTo(3);
  }
}
