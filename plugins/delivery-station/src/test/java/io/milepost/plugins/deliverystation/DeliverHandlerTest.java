package io.milepost.plugins.deliverystation;

import static io.milepost.plugin.api.BuildingType.DELIVERY_STATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.testkit.PluginJarContract;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeliverHandlerTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> delivery(String station, String postalCode, String stepTime) {
    var context = TestStepContext.at(station)
        .variable("order", Map.of("orderId", "o-1", "destinationPostalCode", postalCode))
        .variable("stepTime", stepTime).build();
    return (Map<String, Object>) StepResults.completed(new DeliverHandler().handle(context)).get("delivery");
  }

  @Test
  void shouldRouteByPostalCodeAndCatchTheWaveWhoseCutOffIsAhead() {
    // 09:00 Pacific: W1 (cut-off 07:00) is gone, W2 (cut-off 10:30) leaves at 11:30
    assertThat(delivery("ds-west-1", "94611", "2025-11-26T09:00:00-08:00"))
        .containsEntry("routeCode", "OAK-02")
        .containsEntry("wave", "W2")
        .containsEntry("waveDeparture", "2025-11-26T11:30-08:00")
        .containsEntry("nextDay", false);
  }

  @Test
  void shouldRouteAndWaveByTheStationsOwnDataAndTimeZone() {
    // given ds-west-1 with a new route for 94611, a later first wave, and (for the test) Chicago time
    var context = TestStepContext.at("ds-west-1")
        .variable("order", Map.of("orderId", "o-1", "destinationPostalCode", "94611"))
        .variable("stepTime", "2025-11-26T09:00:00-08:00")
        .siteData("delivery-routes", "prefix,route\n94611,OAK-09")
        .siteData("delivery-waves", "wave,carrier,cutOff,departure\nW9,OWN,11:30,12:00\nP,PARTNER,15:00,16:00")
        .siteData("time-zone", "timeZone\nAmerica/Chicago")
        .build();

    // when
    @SuppressWarnings("unchecked")
    var delivery = (Map<String, Object>) StepResults.completed(new DeliverHandler().handle(context)).get("delivery");

    // then: 09:00 Pacific is 11:00 in Chicago, before W9's cut-off
    assertThat(delivery).containsEntry("routeCode", "OAK-09").containsEntry("wave", "W9")
        .containsEntry("waveDeparture", "2025-11-26T12:00-06:00");
  }

  @Test
  void shouldWaitForTomorrowsFirstWaveAfterTheLastCutOff() {
    assertThat(delivery("ds-east-1", "11201", "2025-11-26T13:31:00-05:00"))
        .containsEntry("routeCode", "BK-01")
        .containsEntry("wave", "W1")
        .containsEntry("deliveryDate", "2025-11-27")
        .containsEntry("nextDay", true);
  }

  @Test
  void shouldUseTheMostSpecificRoute() {
    assertThat(delivery("ds-east-1", "11230", "2025-11-26T06:00:00-05:00")).containsEntry("routeCode", "BK-04");
    assertThat(delivery("ds-west-1", "94501", "2025-11-26T06:00:00-08:00")).containsEntry("routeCode", "EB-04");
  }

  @Test
  void shouldHandAnAddressOutsideTheStationsAreaToThePartnerCarrier() {
    assertThat(delivery("ds-west-1", "97201", "2025-11-26T12:00:00-08:00"))
        .containsEntry("routeCode", "PARTNER-CARRIER")
        .containsEntry("partnerCarrier", true)
        .containsEntry("waveDeparture", "2025-11-26T16:00-08:00");
  }

  @Nested
  class Jar extends PluginJarContract {
    Jar() {
      super("delivery-station", Map.of(
          "fulfillment.deliver", Set.of(DELIVERY_STATION),
          "fulfillment.induct", Set.of(DELIVERY_STATION),
          "fulfillment.sort-to-route", Set.of(DELIVERY_STATION),
          "fulfillment.dispatch", Set.of(DELIVERY_STATION),
          "fulfillment.delivery-attempt", Set.of(DELIVERY_STATION)));
    }
  }
}
