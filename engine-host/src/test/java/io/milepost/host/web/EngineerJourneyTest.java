package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A process engineer finds an order whose allocation failed (the order has no destination postal code), sees the
 * failing step's site and plugin, fixes the variable, retries, and the order is delivered. Also: the process
 * pages and a rejected deployment with its element ids.
 */
class EngineerJourneyTest extends BrowserTestSupport {

  @Test
  void shouldFindAnIncidentSeeItsStepAndRetryIt() {
    String orderId = uniqueOrderId("o-nopostal");
    long instanceKey = startOrder("""
        {"orderId": "%s", "customerRegion": "west", "items": [
          {"sku": "BK-1001", "quantity": 1, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}"""
        .formatted(orderId));
    eventually("an incident on " + orderId, () -> !incidents(instanceKey).isEmpty());

    browser.login(ENGINEER, PASSWORD);
    browser.get("/operations/processes");
    browser.screenshot("processes");
    browser.click(By.xpath("//td[.//div[text()='order-fulfillment']]/a"));
    browser.find(By.cssSelector("#diagram[data-rendered='true']"));
    assertThat(browser.findAll(By.cssSelector("#diagram .badge.incident"))).isNotEmpty();
    browser.screenshot("process-diagram");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    browser.get("/operations/instances");
    browser.type(By.id("businessId"), orderId);
    browser.click(By.id("withIncident"));
    browser.click(By.cssSelector("#instance-search button[type=submit]"));
    By link = By.linkText(Long.toString(instanceKey));
    browser.find(link);
    assertThat(browser.findAll(By.cssSelector("#instance-table tbody tr"))).hasSize(1);
    assertThat(browser.text(By.id("instance-table"))).contains(orderId, "Incident");
    browser.screenshot("instances");
    browser.click(link);

    browser.find(By.cssSelector("#diagram[data-rendered='true']"));
    assertThat(browser.text(By.cssSelector("#incidents .incident-box"))).contains("destinationPostalCode");
    assertThat(browser.text(By.cssSelector("#incidents .incident-box .step-site"))).isEqualTo("rc-west-1");
    assertThat(browser.text(By.cssSelector("#incidents .incident-box .step-plugin"))).isEqualTo("receive-center");
    assertThat(browser.text(By.cssSelector("#incidents .incident-box .step-version"))).isEqualTo("1.0.0");
    browser.screenshot("instance-incident");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    // Fix the order: give it the postal code the receive center allocates by.
    changeVariable("order", """
        {"orderId": "%s", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
          {"sku": "BK-1001", "quantity": 1, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}"""
        .formatted(orderId));
    assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("The variable was changed.");
    assertThat(variables(instanceKey).get("order")).asString().contains("94607");

    browser.click(By.cssSelector("#incidents button.retry"));
    browser.driver().switchTo().alert().accept();
    assertThat(browser.text(By.cssSelector(".flash.notice")))
        .isEqualTo("The incident was resolved; the step runs again.");
    eventually("order " + orderId + " to be delivered after the retry", () -> "COMPLETED".equals(state(instanceKey)));
    assertThat(incidents(instanceKey)).extracting(Incident::getState).containsOnly(IncidentState.RESOLVED);

    browser.get("/operations/instances/" + instanceKey);
    assertThat(browser.text(By.id("instance-state"))).isEqualTo("Completed");
    browser.find(By.cssSelector("#diagram[data-rendered='true']"));
    browser.screenshot("instance-completed");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();
  }

  @Test
  void shouldShowEveryProblemOfARejectedModelWithItsElementId() throws Exception {
    java.nio.file.Path model = java.nio.file.Files.createTempFile("broken-", ".bpmn");
    java.nio.file.Files.writeString(model, """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://milepost.io/test">
          <bpmn:process id="broken-process" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Task_NoType"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:exclusiveGateway id="Gateway_Bad"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:exclusiveGateway>
            <bpmn:endEvent id="End"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_NoType"/>
            <bpmn:sequenceFlow id="f2" sourceRef="Task_NoType" targetRef="Gateway_Bad"/>
            <bpmn:sequenceFlow id="f3" sourceRef="Gateway_Bad" targetRef="End">
              <bpmn:conditionExpression>= this is not feel (</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """);

    browser.login(ENGINEER, PASSWORD);
    browser.get("/operations/deploy");
    browser.type(By.id("files"), model.toAbsolutePath().toString());
    browser.click(By.cssSelector("#deploy-form button[type=submit]"));

    List<String> elements = browser.texts(By.cssSelector("#problems .problem-element"));
    assertThat(elements).contains("Task_NoType");
    assertThat(elements.size()).isGreaterThanOrEqualTo(2);
    browser.screenshot("deploy-rejected");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();
    assertThat(client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId("broken-process"))
        .send().join().items()).isEmpty();
  }

  /**
   * Opens the variable's editor, replaces its value and saves it, confirming the prompt. The open editor is kept
   * when the live page redraws the variables, since it holds the focus; should the redraw come between opening the
   * editor and typing, the whole edit starts again on the fresh part.
   */
  private void changeVariable(String name, String json) {
    By row = By.cssSelector("#variables tr[data-variable='" + name + "']");
    browser.waitFor(d -> {
      WebElement variable = d.findElement(row);
      if (variable.findElement(By.tagName("details")).getDomAttribute("open") == null) {
        variable.findElement(By.tagName("summary")).click();
      }
      WebElement value = variable.findElement(By.tagName("textarea"));
      value.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      value.sendKeys(json);
      variable.findElement(By.cssSelector("button[type=submit]")).click();
      return true;
    });
    browser.driver().switchTo().alert().accept();
  }

  private List<Incident> incidents(long instanceKey) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instanceKey)).send().join().items();
  }
}
