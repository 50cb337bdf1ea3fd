package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.testing.HostApi;
import io.milepost.host.testing.PageSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * Charts for any site and step, not only a rollout's: after an order ran, the page of one of its steps at the site
 * that ran it counts that job on the version the site runs now, and its series has a point for it.
 */
class StepChartsPageTest extends WebTestSupport {

  @Test
  void shouldChartAStepAtASiteOutsideAnyRollout() {
    long instanceKey = startOrder("""
        {"orderId": "%s", "customerRegion": "west", "destinationPostalCode": "94110", "items": [
          {"sku": "BK-1001", "quantity": 1, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}"""
        .formatted(uniqueOrderId("o-chart")));
    eventually("the order to complete", () -> "COMPLETED".equals(state(instanceKey)));
    Map<String, Object> step = new HostApi(port).get("/api/step-records?processInstanceKey=" + instanceKey)
        .jsonList().getFirst();
    String path = "/insights/" + step.get("siteId") + "/" + step.get("jobType");
    PageSession leader = PageSession.signIn(port, LEADER, PASSWORD);

    HttpResponse<String> page = leader.get(path);
    HttpResponse<String> series = leader.get(path + "/series?hours=1");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(step.get("jobType") + " at " + step.get("siteId"),
        "Now: " + step.get("pluginId") + " " + step.get("pluginVersion"));
    assertThat(series.statusCode()).isEqualTo(200);
    Map<String, Object> chart = JSON.readValue(series.body(), new TypeReference<Map<String, Object>>() {});
    assertThat((List<?>) chart.get("x")).isNotEmpty();
    // the time axis spans the hour asked for, even with one point in it
    assertThat(((Number) chart.get("to")).longValue() - ((Number) chart.get("from")).longValue()).isEqualTo(3600);
    List<Map<String, Object>> groups = (List<Map<String, Object>>) chart.get("groups");
    assertThat(groups).extracting(group -> group.get("label"))
        .containsExactly(step.get("pluginId") + " " + step.get("pluginVersion"), "Earlier versions");
    assertThat((List<Object>) groups.getFirst().get("count")).anySatisfy(count -> assertThat(count).isNotNull());
  }
}
