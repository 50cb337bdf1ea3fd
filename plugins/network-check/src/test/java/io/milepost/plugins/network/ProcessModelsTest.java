package io.milepost.plugins.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.milepost.plugin.api.BuildingType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The models in bpmn/ are valid Camunda 8 models and agree with the plugins. */
class ProcessModelsTest {

  static final Path BPMN = Path.of("../../bpmn");

  /** Which building types may run each service task, by the id of the variable mapped into siteId. */
  static final Map<String, Set<BuildingType>> SITE_VARIABLE_TYPES = Map.of(
      "fulfillmentSiteId", Set.of(BuildingType.SORTABLE_FC, BuildingType.NON_SORTABLE_FC, BuildingType.SPECIALTY),
      "sortCenterSiteId", Set.of(BuildingType.SORT_CENTER),
      "deliveryStationSiteId", Set.of(BuildingType.DELIVERY_STATION),
      "stationSiteId", Set.of(BuildingType.DELIVERY_STATION),
      "shipment.receiveCenterSiteId", Set.of(BuildingType.RECEIVE_CENTER));

  static final Set<String> ALLOWED_ELEMENTS = Set.of("startEvent", "endEvent", "serviceTask", "userTask",
      "exclusiveGateway", "parallelGateway", "boundaryEvent", "intermediateCatchEvent", "subProcess", "sequenceFlow",
      "businessRuleTask", "callActivity");

  private static BpmnModelInstance read(String file) throws IOException {
    try (InputStream in = Files.newInputStream(BPMN.resolve(file))) {
      return Bpmn.readModelFromStream(in);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfillment.bpmn", "inbound-receiving.bpmn", "last-mile-delivery.bpmn"})
  void shouldPassZeebeDesignTimeValidationWithoutErrors(String file) throws IOException {
    BpmnModelInstance model = read(file);

    var results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);

    List<String> errors = results.getResults().entrySet().stream()
        .flatMap(entry -> entry.getValue().stream()
            .filter(result -> result.getType() == ValidationResultType.ERROR)
            .map(result -> describe(entry.getKey()) + ": " + result.getMessage()))
        .toList();
    assertThat(errors).isEmpty();
    assertThat(model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class))
        .extracting(io.camunda.zeebe.model.bpmn.instance.Process::getId)
        .containsExactly(file.replace(".bpmn", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfillment.bpmn", "inbound-receiving.bpmn", "last-mile-delivery.bpmn"})
  void shouldRunEveryServiceTaskAtASiteWhoseBuildingTypeHasAHandler(String file) throws IOException {
    for (ServiceTask task : read(file).getModelElementsByType(ServiceTask.class)) {
      String jobType = task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
      String siteSource = siteIdSource(task);

      assertThat(siteSource).as("siteId input of %s", task.getId()).isNotNull();
      Set<BuildingType> types = siteSource.startsWith("=if order.customerRegion")
          ? Set.of(BuildingType.RECEIVE_CENTER)
          : SITE_VARIABLE_TYPES.get(siteSource.substring(1));
      assertThat(types).as("building types for siteId %s of %s", siteSource, task.getId()).isNotNull();
      assertThat(types).as("%s (%s) at %s", task.getId(), jobType, types)
          .anyMatch(type -> NetworkHandlers.anyHandles(jobType, type));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfillment.bpmn", "inbound-receiving.bpmn"})
  void shouldGiveEveryUserTaskAnExistingFormACandidateGroupAndASite(String file) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as("zeebe:userTask of %s", task.getId()).isNotNull();
      assertThat(siteIdSource(task)).as("siteId of %s", task.getId()).isNotNull();
      String formId = task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId();
      Path form = BPMN.resolve(formId + ".form");

      JsonNode definition = json.readTree(Files.readString(form));

      assertThat(definition.get("id").asString()).isEqualTo(formId);
      assertThat(definition.get("type").asString()).isEqualTo("default");
      assertThat(definition.get("schemaVersion").isInt()).isTrue();
      assertThat(definition.get("components").size()).isGreaterThan(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfillment.bpmn", "inbound-receiving.bpmn", "last-mile-delivery.bpmn"})
  void shouldUseOnlyTheAgreedElementsAndDrawEachOfThem(String file) throws IOException {
    BpmnModelInstance model = read(file);
    var process = model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).iterator().next();

    Set<String> used = model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.FlowElement.class).stream()
        .map(element -> element.getElementType().getTypeName()).collect(Collectors.toSet());
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> drawnFlows = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

    assertThat(ALLOWED_ELEMENTS).containsAll(used);
    assertThat(process.getId()).isNotBlank();
    assertThat(drawn).containsAll(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList());
    assertThat(drawnFlows).containsAll(model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfillment.bpmn", "inbound-receiving.bpmn", "last-mile-delivery.bpmn"})
  void shouldCallOnlyDecisionsAndProcessesThatAreInBpmn(String file) throws IOException {
    BpmnModelInstance model = read(file);
    String decisions;
    try (var files = Files.list(BPMN)) {
      decisions = files.filter(f -> f.toString().endsWith(".dmn")).map(f -> {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.joining());
    }
    for (var task : model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask.class)) {
      String decisionId = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision.class)
          .getDecisionId();
      assertThat(decisions).as("decision %s called by %s", decisionId, task.getId()).contains("<decision id=\"" + decisionId + "\"");
    }
    for (var call : model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.CallActivity.class)) {
      String processId = call.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement.class)
          .getProcessId();
      assertThat(BPMN.resolve(processId + ".bpmn")).as("process called by %s", call.getId()).exists();
    }
  }

  /** The id of the element a validation result is about, or of the nearest element around it that has one. */
  private static String describe(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
    String type = element.getElementType().getTypeName();
    var current = element;
    while (current != null && !(current instanceof BaseElement base && base.getId() != null)) {
      current = current.getParentElement();
    }
    return current == null ? type : ((BaseElement) current).getId() + " (" + type + ")";
  }

  private static String siteIdSource(FlowNode task) {
    var mapping = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class);
    if (mapping == null) {
      return null;
    }
    return mapping.getInputs().stream().filter(input -> input.getTarget().equals("siteId"))
        .map(ZeebeInput::getSource).findFirst().orElse(null);
  }
}
