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
    browser.find(By.xpath("//td[.//div[text()='order-fulfillment']]/a")).click();
    browser.find(By.cssSelector("#diagram[data-rendered='true']"));
    assertThat(browser.findAll(By.cssSelector("#diagram .badge.incident"))).isNotEmpty();
    browser.screenshot("process-diagram");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    browser.get("/operations/instances");
    browser.find(By.id("businessId")).sendKeys(orderId);
    browser.find(By.id("withIncident")).click();
    browser.find(By.cssSelector("#instance-search button[type=submit]")).click();
    WebElement link = browser.find(By.linkText(Long.toString(instanceKey)));
    assertThat(browser.findAll(By.cssSelector("#instance-table tbody tr"))).hasSize(1);
    assertThat(browser.find(By.id("instance-table")).getText()).contains(orderId, "Incident");
    browser.screenshot("instances");
    link.click();

    browser.find(By.cssSelector("#diagram[data-rendered='true']"));
    WebElement incident = browser.find(By.cssSelector("#incidents .incident-box"));
    assertThat(incident.getText()).contains("destinationPostalCode");
    assertThat(incident.findElement(By.className("step-site")).getText()).isEqualTo("rc-west-1");
    assertThat(incident.findElement(By.className("step-plugin")).getText()).isEqualTo("receive-center");
    assertThat(incident.findElement(By.className("step-version")).getText()).isEqualTo("1.0.0");
    browser.screenshot("instance-incident");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    // Fix the order: give it the postal code the receive center allocates by.
    WebElement orderRow = browser.find(By.cssSelector("#variables tr[data-variable='order']"));
    orderRow.findElement(By.tagName("summary")).click();
    WebElement value = orderRow.findElement(By.tagName("textarea"));
    value.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    value.sendKeys("""
        {"orderId": "%s", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
          {"sku": "BK-1001", "quantity": 1, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}"""
        .formatted(orderId));
    orderRow.findElement(By.cssSelector("button[type=submit]")).click();
    browser.driver().switchTo().alert().accept();
    assertThat(browser.find(By.cssSelector(".flash.notice")).getText()).isEqualTo("The variable was changed.");
    assertThat(variables(instanceKey).get("order")).asString().contains("94607");

    browser.find(By.cssSelector("#incidents button.retry")).click();
    browser.driver().switchTo().alert().accept();
    assertThat(browser.find(By.cssSelector(".flash.notice")).getText())
        .isEqualTo("The incident was resolved; the step runs again.");
    eventually("order " + orderId + " to be delivered after the retry", () -> "COMPLETED".equals(state(instanceKey)));
    assertThat(incidents(instanceKey)).extracting(Incident::getState).containsOnly(IncidentState.RESOLVED);

    browser.get("/operations/instances/" + instanceKey);
    assertThat(browser.find(By.id("instance-state")).getText()).isEqualTo("Completed");
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
    browser.find(By.id("files")).sendKeys(model.toAbsolutePath().toString());
    browser.find(By.cssSelector("#deploy-form button[type=submit]")).click();

    // waits for the problems to be drawn: an empty list would end the wait at once, before the answer came back
    List<String> elements = browser.waitFor(d -> {
      List<String> shown = d.findElements(By.cssSelector("#problems .problem-element")).stream()
          .map(WebElement::getText).toList();
      return shown.isEmpty() ? null : shown;
    });
    assertThat(elements).contains("Task_NoType");
    assertThat(elements.size()).isGreaterThanOrEqualTo(2);
    browser.screenshot("deploy-rejected");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();
    assertThat(client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId("broken-process"))
        .send().join().items()).isEmpty();
  }

  private List<Incident> incidents(long instanceKey) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instanceKey)).send().join().items();
  }
}
