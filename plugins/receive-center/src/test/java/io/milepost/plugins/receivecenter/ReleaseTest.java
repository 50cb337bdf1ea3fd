package io.milepost.plugins.receivecenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestInventory;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseTest {

  private static final String ORDER = """
      {"order": {"orderId": "o-9", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
        {"sku": "BK-1001", "quantity": 2, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]},
       "cancellationReason": "customer cancelled"}""";

  private final TestInventory stock = new TestInventory().onHand("fc-west-1", "BK-1001", 10);

  @SuppressWarnings("unchecked")
  private Map<String, Object> release() {
    var context = TestStepContext.at("rc-west-1").variablesFromJson(ORDER).inventory(stock).build();
    return (Map<String, Object>) StepResults.completed(new ReleaseHandler().handle(context)).get("release");
  }

  @Test
  void shouldGiveACancelledOrdersUnitsBackToAvailableStock() {
    stock.reserve("fc-west-1", "o-9", Map.of("BK-1001", 2));

    var release = release();

    assertThat(release).containsEntry("released", true).containsEntry("siteId", "fc-west-1")
        .containsEntry("unitsBySku", Map.of("BK-1001", 2)).containsEntry("reason", "customer cancelled");
    assertThat(stock.position("fc-west-1", "BK-1001").available()).isEqualTo(10);
    assertThat(stock.movements()).containsExactly("RESERVED fc-west-1 BK-1001 2 o-9", "RELEASED fc-west-1 BK-1001 2 o-9");
  }

  @Test
  void shouldReleaseNothingForAnOrderThatHoldsNothing() {
    assertThat(release()).containsEntry("released", false).containsEntry("reservation", "NONE");
    assertThat(stock.movements()).isEmpty();
  }

  @Test
  void shouldNotGiveBackUnitsThatWerePickedAlready() {
    stock.reserve("fc-west-1", "o-9", Map.of("BK-1001", 2));
    stock.ship("fc-west-1", "o-9");

    assertThat(release()).containsEntry("released", false).containsEntry("reservation", "SHIPPED");
    assertThat(stock.position("fc-west-1", "BK-1001").onHand()).isEqualTo(8);
  }
}
