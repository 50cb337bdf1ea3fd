package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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
    String rowPath = "//li[contains(@class,'task')][.//span[text()='" + orderId + "']]";
    By row = By.xpath(rowPath);
    assertThat(browser.text(row)).contains("Problem-solve weight mismatch", "order-fulfillment", "fc-west-1",
        "Unassigned");
    browser.screenshot("tasks");
    browser.resize(820, 1180);
    browser.screenshot("tasks-tablet");
    browser.resize(1280, 900);
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    browser.click(By.xpath(rowPath + "//button[text()='Claim']"));
    // the row is drawn again with its assignee once the claim's answer comes back
    assertThat(browser.textOnce(row, text -> text.contains(ASSOCIATE))).contains(ASSOCIATE)
        .doesNotContain("Unassigned");
    assertThat(openTask(instanceKey).getFirst().getAssignee()).isEqualTo(ASSOCIATE);

    browser.click(By.xpath(rowPath + "//a[text()='Open']"));
    browser.find(By.cssSelector("#form .fjs-form"));
    assertThat(browser.text(By.cssSelector("#form"))).contains("Weight mismatch", orderId, "Resolution");
    browser.screenshot("task-form");

    // The form's own validation stops an empty submission in the browser.
    browser.click(By.id("complete"));
    browser.waitFor(d -> d.findElements(By.cssSelector("#form .fjs-form-field-error")).size() >= 2);
    assertThat(openTask(instanceKey)).hasSize(1);

    chooseResolution("Wrong or missing item: repacked");
    browser.type(By.cssSelector("#form input[id$='Field_CorrectedWeightKg']"), "1.62");
    browser.type(By.cssSelector("#form textarea"), "Second mug was missing, repacked.");
    browser.screenshot("task-form-filled");
    browser.click(By.id("complete"));

    browser.waitFor(d -> browser.path().startsWith("/tasks") && !browser.path().startsWith("/tasks/"));
    assertThat(browser.text(By.cssSelector(".flash.notice"))).isEqualTo("Completed: Problem-solve weight mismatch");
    assertThat(browser.findAll(By.xpath("//span[text()='" + orderId + "']"))).isEmpty();
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    eventually("order " + orderId + " to be delivered", () -> "COMPLETED".equals(state(instanceKey)));
    Map<String, Object> variables = variables(instanceKey);
    assertThat(variables).containsEntry("problemResolution", "REPACKED").containsEntry("correctedWeightKg", 1.62)
        .containsKey("delivery");

    // An associate sees tasks, not the operations pages.
    browser.get("/operations/instances/" + instanceKey);
    assertThat(browser.text(By.tagName("main"))).contains("Your roles do not allow this page");
  }

  private void chooseResolution(String label) {
    browser.click(By.cssSelector("#form .fjs-form-field-select .fjs-input-group"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"));
  }
}
