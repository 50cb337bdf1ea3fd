package io.milepost.plugins.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.milepost.plugin.api.StepHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Camunda Modeler element templates in {@code bpmn/element-templates/}: every step a process engineer
 * picks there is served by a plugin, and the network's own models use the templates as they are.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = ProcessModelsTest.BPMN.resolve("element-templates");

  /** One template: its id, the job type it sets and its default siteId mapping, or the decision it calls. */
  record Template(String id, String jobType, String siteId, String decisionId) {}

  static final Map<String, Template> BY_ID = load();

  @Test
  void shouldServeEveryTemplatesJobTypeWithAPlugin() {
    assertThat(BY_ID).isNotEmpty();
    List<String> served = NetworkHandlers.ALL.stream().map(StepHandler::jobType).distinct().toList();
    assertThat(BY_ID.values()).filteredOn(template -> template.decisionId() == null).allSatisfy(template ->
        assertThat(served).as("job type of template %s", template.id()).contains(template.jobType()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfillment.bpmn", "inbound-receiving.bpmn"})
  void shouldDrawEveryBusinessRuleTaskFromADecisionTemplateItStillMatches(String file) throws IOException {
    var model = Bpmn.readModelFromFile(ProcessModelsTest.BPMN.resolve(file).toFile());
    var tasks = model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask.class);
    assertThat(tasks).isNotEmpty();
    for (var task : tasks) {
      String templateId = task.getAttributeValueNs("http://camunda.org/schema/zeebe/1.0", "modelerTemplate");
      assertThat(BY_ID).as("template %s of %s", templateId, task.getId()).containsKey(templateId);
      var called = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision.class);
      assertThat(called.getDecisionId()).as("decision of %s", task.getId()).isEqualTo(BY_ID.get(templateId).decisionId());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfillment.bpmn", "inbound-receiving.bpmn", "last-mile-delivery.bpmn"})
  void shouldDrawEveryServiceTaskFromATemplateItStillMatches(String file) throws IOException {
    var model = Bpmn.readModelFromFile(ProcessModelsTest.BPMN.resolve(file).toFile());
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String templateId = task.getAttributeValueNs("http://camunda.org/schema/zeebe/1.0", "modelerTemplate");
      assertThat(BY_ID).as("template %s of %s", templateId, task.getId()).containsKey(templateId);
      Template template = BY_ID.get(templateId);

      assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType()).as("job type of %s", task.getId())
          .isEqualTo(template.jobType());
      assertThat(task.getSingleExtensionElement(ZeebeIoMapping.class).getInputs().stream()
          .filter(input -> input.getTarget().equals("siteId")).map(ZeebeInput::getSource).findFirst())
          .as("siteId of %s", task.getId()).hasValue(template.siteId());
    }
  }

  private static Map<String, Template> load() {
    JsonMapper json = JsonMapper.builder().build();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(file -> file.toString().endsWith(".json")).map(file -> {
        JsonNode template = json.readTree(file.toFile());
        String jobType = null;
        String siteId = null;
        String decisionId = null;
        for (JsonNode property : template.get("properties")) {
          JsonNode binding = property.get("binding");
          if (binding.get("type").asString().equals("zeebe:taskDefinition") && binding.get("property").asString().equals("type")) {
            jobType = property.get("value").asString();
          }
          if (binding.get("type").asString().equals("zeebe:calledDecision") && binding.get("property").asString().equals("decisionId")) {
            decisionId = property.get("value").asString();
          }
          if (binding.get("type").asString().equals("zeebe:input") && binding.get("name").asString().equals("siteId")) {
            siteId = property.get("value").asString();
          }
        }
        return new Template(template.get("id").asString(), jobType, siteId, decisionId);
      }).collect(Collectors.toMap(Template::id, Function.identity()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
