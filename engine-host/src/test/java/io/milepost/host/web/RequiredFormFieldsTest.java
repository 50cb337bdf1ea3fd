package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server checks a task form's required fields when the task is completed through the Camunda 8 API, not
 * only the browser: a missing one is a 400 that names it, and the task stays open.
 */
class RequiredFormFieldsTest extends WebTestSupport {

  @Test
  void shouldRefuseToCompleteATaskWithoutItsRequiredFields() {
    String orderId = uniqueOrderId("o-required");
    long instanceKey = startUnderDeclaredOrder(orderId);
    eventually("the problem-solve task of " + orderId, () -> openTask(instanceKey).size() == 1);
    long taskKey = openTask(instanceKey).getFirst().getUserTaskKey();

    ProblemException refused = catchThrowableOfType(ProblemException.class, () -> client
        .newCompleteUserTaskCommand(taskKey).variables(Map.of("problemResolution", "REPACKED")).send().join());

    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.details().getDetail()).contains("form 'problem-solve-weight'",
        "'Weight on the scale now (kg)' (correctedWeightKg)").doesNotContain("problemResolution");
    assertThat(openTask(instanceKey)).hasSize(1);

    client.newCompleteUserTaskCommand(taskKey)
        .variables(Map.of("problemResolution", "REPACKED", "correctedWeightKg", 1.6)).send().join();
    assertThat(openTask(instanceKey)).isEmpty();
  }

  @Test
  void shouldNotRequireAFieldTheFormHidesButRequireItWhenShown() {
    client.newDeployResourceCommand()
        .addResourceStringUtf8(DAMAGE_FORM, "damage-report.form")
        .addResourceStringUtf8(DAMAGE_PROCESS, "damage-report.bpmn")
        .send().join();
    long keptTask = damageReportTask();
    long repairedTask = damageReportTask();

    // "kept": the details field is hidden (conditional.hide is true), so it is not required.
    client.newCompleteUserTaskCommand(keptTask).variables(Map.of("damage", "none")).send().join();

    // "crushed": the details field shows and is required.
    ProblemException refused = catchThrowableOfType(ProblemException.class, () -> client
        .newCompleteUserTaskCommand(repairedTask).variables(Map.of("damage", "crushed")).send().join());
    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.details().getDetail()).contains("'What is damaged' (damageDetails)");
    client.newCompleteUserTaskCommand(repairedTask)
        .variables(Map.of("damage", "crushed", "damageDetails", "corner of the box")).send().join();
  }

  private long damageReportTask() {
    long instanceKey = client.newCreateInstanceCommand().bpmnProcessId("damage-report").latestVersion()
        .send().join().getProcessInstanceKey();
    eventually("the damage report task", () -> openTask(instanceKey).size() == 1);
    return openTask(instanceKey).getFirst().getUserTaskKey();
  }

  private static final String DAMAGE_FORM = """
      {"id": "damage-report", "type": "default", "schemaVersion": 16, "components": [
        {"key": "damage", "label": "Damage", "type": "select", "validate": {"required": true},
         "values": [{"label": "None", "value": "none"}, {"label": "Crushed", "value": "crushed"}]},
        {"key": "damageDetails", "label": "What is damaged", "type": "textfield", "validate": {"required": true},
         "conditional": {"hide": "=damage = \\"none\\""}}]}""";

  private static final String DAMAGE_PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://milepost.io/test">
        <bpmn:process id="damage-report" isExecutable="true">
          <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:userTask id="report" name="Report damage">
            <bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="damage-report" />
            </bpmn:extensionElements>
            <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="report" />
          <bpmn:sequenceFlow id="f2" sourceRef="report" targetRef="end" />
        </bpmn:process>
      </bpmn:definitions>
      """;
}
