package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.testing.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A regional leader uploads a new version of the sort-center plugin, starts a canary rollout at sc-west-1, sees
 * the chart of the step on the new version once an order went through, and rolls it back; the site runs the
 * old version again and the audit log says who did what.
 */
class LeaderJourneyTest extends BrowserTestSupport {

  /** The charts of a rollout or a step page, once charts.js has drawn them. */
  private static final By CHARTS = By.cssSelector(".charts[data-rendered='true']");

  @Test
  void shouldUploadAVersionStartACanaryWatchItsChartAndRollBack() throws Exception {
    Path jar = TestPluginJar.plugin("sort-center", "1.9.0")
        .handler("fulfillment.sort", """
            Map<String, Object> order = (Map<String, Object>) context.variables().get("order");
            return StepResult.complete(Map.of("sort", Map.of("lane", "CANARY-" + order.get("destinationPostalCode"),
                "sundaySchedule", false, "truckId", "T-1", "nextHopSiteId", "ds-west-1")))
                .withMeasure("laneLookups", 1.0);""")
        .writeTo(Files.createTempDirectory("leader-plugin"));

    browser.login(LEADER, PASSWORD);
    browser.get("/plugins");
    browser.type(By.id("file"), jar.toAbsolutePath().toString());
    browser.click(By.cssSelector("#upload-form button[type=submit]"));
    assertThat(browser.text(By.id("uploaded"))).startsWith("Uploaded sort-center 1.9.0 (SHA-256 ");
    assertThat(browser.text(By.id("plugin-table"))).contains("1.9.0", "fulfillment.sort", LEADER);
    browser.screenshot("plugins");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    browser.get("/rollouts");
    browser.select(By.id("plugin"), "sort-center@1.9.0");
    browser.select(By.id("canary"), "sc-west-1");
    browser.find(By.id("percents")).clear();
    browser.click(By.cssSelector("#start-rollout input[name=sites][value='sc-west-1']"));
    browser.type(By.id("reason"), "Lane lookup from the new routing table");
    browser.screenshot("rollout-start");
    browser.click(By.cssSelector("#start-rollout button[type=submit]"));

    browser.waitFor(d -> browser.path().matches("/rollouts/[^/]+"));
    assertThat(browser.text(By.id("rollout-state"))).isEqualTo("RUNNING");
    assertThat(browser.text(By.id("wave-table"))).contains("sc-west-1");
    String rolloutPath = browser.path();

    String orderId = uniqueOrderId("o-canary");
    Map<String, Object> result = client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", JSON.readValue("""
            {"orderId": "%s", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
              {"sku": "BK-1001", "quantity": 1, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}"""
            .formatted(orderId), Map.class)))
        .withResult().requestTimeout(java.time.Duration.ofSeconds(60)).send().join().getVariablesAsMap();
    assertThat(result.get("sort")).asString().contains("CANARY-94607");

    browser.get(rolloutPath);
    assertChartsDrawnShowing("sort-center 1.9.0", "laneLookups");
    assertChartsFillRowsAt(390, 1);
    browser.screenshot("rollout-390");
    assertChartsFillRowsAt(800, 2);
    browser.screenshot("rollout-800");
    assertChartsFillRowsAt(1280, 2);
    browser.screenshot("rollout");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    browser.click(By.id("rollback"));
    browser.driver().switchTo().alert().accept();
    assertThat(browser.textOnce(By.id("rollout-state"), "ROLLED_BACK"::equals)).isEqualTo("ROLLED_BACK");

    browser.get("/network");
    String west = "//tr[.//strong[text()='sc-west-1']]";
    assertThat(browser.text(By.xpath(west))).contains("sort-center 1.0.0").doesNotContain("1.9.0");
    browser.screenshot("network");

    // Charts for any site and step: sc-west-1's sort step, now on 1.0.0 again, against the canary's 1.9.0 runs.
    browser.click(By.xpath(west + "//a[normalize-space()='sort-center 1.0.0']"));
    assertChartsDrawnShowing("sort-center 1.0.0", "Earlier versions", "laneLookups");
    assertThat(browser.text(By.id("step-compare"))).containsIgnoringCase("Now: sort-center 1.0.0");
    assertChartsFillRowsAt(390, 1);
    browser.screenshot("step-charts-390");
    assertChartsFillRowsAt(800, 2);
    browser.screenshot("step-charts-800");
    assertChartsFillRowsAt(1280, 2);
    browser.screenshot("step-charts");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();

    browser.get("/audit?siteId=sc-west-1");
    assertThat(browser.text(By.id("audit-table"))).contains("ROLLBACK", LEADER, "1.9.0 → sort-center 1.0.0");
    browser.screenshot("audit");
    browser.assertNoConsoleErrors();
    browser.assertLabelledAndKeyboardReachable();
  }

  /** Waits for the page's charts to be drawn and checks there are at least three and that they say these texts. */
  private void assertChartsDrawnShowing(String... texts) {
    browser.find(CHARTS);
    assertThat(browser.findAll(By.cssSelector(".charts[data-rendered='true'] figure.chart canvas")))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(browser.text(CHARTS)).contains(texts);
  }

  /**
   * Loads the page again in a window this wide (390: a phone, 800: a tablet) and checks that the charts sit {@code
   * perRow} to a row and fill it (rather than one per row at half the width with the other half empty), and that the
   * page needs no sideways scrolling.
   */
  private void assertChartsFillRowsAt(int windowWidth, int perRow) {
    browser.resize(windowWidth, 900);
    browser.get(browser.path());
    browser.find(CHARTS);
    @SuppressWarnings("unchecked")
    Map<String, Object> layout = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const host = document.querySelector('.charts[data-rendered="true"]').getBoundingClientRect();
        const charts = [...document.querySelectorAll('.charts[data-rendered="true"] figure.chart')].map((chart) => {
          const box = chart.getBoundingClientRect();
          return { left: box.left - host.left, top: box.top - host.top, right: box.right - host.left };
        });
        return { charts, hostWidth: host.width, pageWidth: document.documentElement.scrollWidth,
          viewportWidth: document.documentElement.clientWidth };""");
    @SuppressWarnings("unchecked")
    List<Map<String, Number>> boxes = (List<Map<String, Number>>) layout.get("charts");
    double hostWidth = ((Number) layout.get("hostWidth")).doubleValue();
    assertThat(((Number) layout.get("pageWidth")).intValue()).as("page width at %d px", windowWidth)
        .isLessThanOrEqualTo(((Number) layout.get("viewportWidth")).intValue());
    assertThat(boxes).as("charts at %d px", windowWidth).hasSizeGreaterThanOrEqualTo(3);
    for (int first = 0; first + perRow <= boxes.size(); first += perRow) {
      Map<String, Number> left = boxes.get(first);
      Map<String, Number> right = boxes.get(first + perRow - 1);
      assertThat(right.get("top").doubleValue()).as("charts %d to %d on one row at %d px: %s", first,
          first + perRow - 1, windowWidth, boxes).isEqualTo(left.get("top").doubleValue());
      if (first + perRow < boxes.size()) {
        assertThat(boxes.get(first + perRow).get("top").doubleValue()).as("chart %d on the next row at %d px: %s",
            first + perRow, windowWidth, boxes).isGreaterThan(left.get("top").doubleValue());
      }
      assertThat(left.get("left").doubleValue()).isLessThan(1.0);
      assertThat(right.get("right").doubleValue()).as("a row of charts fills the width at %d px: %s", windowWidth,
          boxes).isBetween(hostWidth * 0.95, hostWidth + 1);
    }
  }
}
