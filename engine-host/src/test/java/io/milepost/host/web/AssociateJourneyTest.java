package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An associate at fc-west-1 signs in, finds the problem-solve task of an order whose declared weight was wrong, claims it,
 * fills its form and completes it; the order moves on and is delivered.
 */
class AssociateJourneyTest extends BrowserTestSupport {

  @Test
  void shouldClaimAndCompleteATaskThroughItsForm() throws Exception {
    String orderId = uniqueOrderId("o-weight");
    long instanceKey = startUnderDeclaredOrder(orderId);
    eventually("the problem-solve task of " + orderId, () -> openTask(instanceKey).size() == 1);

    browser.get("/tasks");
    assertThat(browser.path()).isEqualTo("/login");
    browser.screenshot("login");
    browser.login(ASSOCIATE, PASSWORD);
    browser.get("/");
    browser.screenshot("home");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    browser.get("/tasks");
    WebElement row = browser.find(By.xpath("//li[contains(@class,'task')][.//span[text()='" + orderId + "']]"));
    assertThat(row.getText()).contains("Problem-solve weight mismatch", "order-fulfillment", "fc-west-1", "Unassigned");
    browser.screenshot("tasks");
    browser.resize(820, 1180);
    browser.screenshot("tasks-tablet");
    browser.resize(1280, 900);
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    row.findElement(By.xpath(".//button[text()='Claim']")).click();
    row = browser.find(By.xpath("//li[contains(@class,'task')][.//span[text()='" + orderId + "']]"));
    assertThat(row.getText()).contains(ASSOCIATE).doesNotContain("Unassigned");
    assertThat(openTask(instanceKey).getFirst().getAssignee()).isEqualTo(ASSOCIATE);

    browser.click(By.xpath("//li[contains(@class,'task')][.//span[text()='" + orderId + "']]//a[text()='Open']"));
    browser.find(By.cssSelector("#form .fjs-form"));
    assertThat(browser.find(By.cssSelector("#form")).getText()).contains("Weight mismatch", orderId, "Resolution");
    browser.screenshot("task-form");

    // The form's own validation stops an empty submission in the browser.
    browser.find(By.id("complete")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector("#form .fjs-form-field-error")).size() >= 2);
    assertThat(openTask(instanceKey)).hasSize(1);

    chooseResolution("Wrong or missing item: repacked");
    WebElement weight = browser.find(By.cssSelector("#form input[id$='Field_CorrectedWeightKg']"));
    weight.sendKeys("1.62");
    browser.find(By.cssSelector("#form textarea")).sendKeys("Second mug was missing, repacked.");
    browser.screenshot("task-form-filled");
    browser.find(By.id("complete")).click();

    browser.waitFor(d -> browser.path().startsWith("/tasks") && !browser.path().startsWith("/tasks/"));
    assertThat(browser.find(By.cssSelector(".flash.notice")).getText())
        .isEqualTo("Completed: Problem-solve weight mismatch");
    assertThat(browser.findAll(By.xpath("//span[text()='" + orderId + "']"))).isEmpty();
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    eventually("order " + orderId + " to be delivered", () -> "COMPLETED".equals(state(instanceKey)));
    Map<String, Object> variables = variables(instanceKey);
    assertThat(variables).containsEntry("problemResolution", "REPACKED").containsEntry("correctedWeightKg", 1.62)
        .containsKey("delivery");

    // An associate sees tasks, not the operations pages.
    browser.get("/operations/instances/" + instanceKey);
    assertThat(browser.find(By.tagName("main")).getText()).contains("Your roles do not allow this page");
  }

  private void chooseResolution(String label) {
    WebElement select = browser.find(By.cssSelector("#form .fjs-form-field-select .fjs-input-group"));
    select.click();
    browser.find(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']")).click();
  }
}
