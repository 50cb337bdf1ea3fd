package io.milepost.plugins.sortcenter;

import static io.milepost.plugin.api.BuildingType.SORT_CENTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.plugin.testkit.PluginJarContract;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SortHandlerTest {

  private final SortHandler sort = new SortHandler();

  @SuppressWarnings("unchecked")
  private Map<String, Object> sorted(String siteId, String postalCode, String stepTime) {
    var context = TestStepContext.at(siteId)
        .variable("order", Map.of("orderId", "o-1", "destinationPostalCode", postalCode))
        .variable("stepTime", stepTime).build();
    return (Map<String, Object>) StepResults.completed(sort.handle(context)).get("sort");
  }

  @Test
  void shouldPutAnOaklandParcelOnTheEastBayLaneAndTheNextWeekdayTruck() {
    // Wednesday 10:00 Pacific: the 13:00 truck's cut-off is 12:15
    var result = sorted("sc-west-1", "94607", "2025-11-26T10:00:00-08:00");

    assertThat(result)
        .containsEntry("lane", "EAST-BAY")
        .containsEntry("sundaySchedule", false)
        .containsEntry("truckDeparture", "2025-11-26T13:00-08:00")
        .containsEntry("truckId", "EAST-BAY-20251126-1300")
        .containsEntry("nextHopSiteId", "ds-west-1");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldSortByTheCentersOwnLanesAndDepartures() {
    // given sc-west-1 with a new Oakland lane and an extra 11:00 weekday truck
    var context = TestStepContext.at("sc-west-1")
        .variable("order", Map.of("orderId", "o-1", "destinationPostalCode", "94607"))
        .variable("stepTime", "2025-11-26T10:00:00-08:00")
        .siteData("sort-lanes", "prefix,lane,sundayLane,nextHopSiteId,linehaul\n946,OAKLAND,BAY-AREA,ds-west-1,false\n"
            + "*,LINEHAUL-EAST,LINEHAUL-EAST,sc-east-1,true")
        .siteData("truck-departures", "schedule,departure\nWEEKDAY,11:00\nWEEKDAY,13:00\nLINEHAUL,20:00")
        .build();

    // when
    var result = (Map<String, Object>) StepResults.completed(sort.handle(context)).get("sort");

    // then: 10:00 makes the 11:00 truck's 10:15 cut-off
    assertThat(result).containsEntry("lane", "OAKLAND").containsEntry("truckDeparture", "2025-11-26T11:00-08:00");
  }

  @Test
  void shouldMissATruckWhoseCutOffHasPassed() {
    // 12:20 is after the 12:15 cut-off of the 13:00 truck
    assertThat(sorted("sc-west-1", "94607", "2025-11-26T12:20:00-08:00")).containsEntry("truckDeparture", "2025-11-26T21:00-08:00");
  }

  @Test
  void shouldMergeCityLanesAndRunFewerTrucksOnSunday() {
    // Sunday 30 Nov 2025, 06:00 Pacific (given in UTC): no 05:00 truck on Sundays, first is 09:00
    var result = sorted("sc-west-1", "94110", "2025-11-30T14:00:00Z");

    assertThat(result)
        .containsEntry("lane", "BAY-AREA")
        .containsEntry("sundaySchedule", true)
        .containsEntry("truckDeparture", "2025-11-30T09:00-08:00");
  }

  @Test
  void shouldRollALateSaturdayParcelOntoSundaysSchedule() {
    var result = sorted("sc-east-1", "11201", "2025-11-29T22:00:00-05:00");

    assertThat(result).containsEntry("lane", "NYC-METRO").containsEntry("truckDeparture", "2025-11-30T09:00-05:00");
  }

  @Test
  void shouldSendAnOutOfRegionParcelOnTheNightlyLinehaul() {
    var result = sorted("sc-east-1", "94607", "2025-11-26T10:00:00-05:00");

    assertThat(result).containsEntry("lane", "LINEHAUL-WEST").containsEntry("nextHopSiteId", "sc-west-1")
        .containsEntry("truckDeparture", "2025-11-26T20:00-05:00");
  }

  @Test
  void shouldTakeTheTimeFromATaskHeaderWhenNoVariableIsSet() {
    var context = TestStepContext.at("sc-west-1")
        .variable("order", Map.of("orderId", "o-1", "destinationPostalCode", "95814"))
        .header("stepTime", "2025-11-26T04:00:00-08:00").build();

    assertThat(StepResults.completed(sort.handle(context)).toString()).contains("SAC-VALLEY", "2025-11-26T05:00-08:00");
  }

  @Test
  void shouldReadTheTimeAsFeelWritesItWithARegionZone() {
    // now() in a FEEL input mapping: 19:00 in Berlin is 10:00 Pacific
    assertThat(sorted("sc-west-1", "94607", "2025-11-26T19:00:00@Europe/Berlin")).containsEntry("truckDeparture", "2025-11-26T13:00-08:00");
  }

  @Test
  void shouldRefuseToGuessTheTime() {
    var context = TestStepContext.at("sc-west-1").variable("order", Map.of("orderId", "o-1", "destinationPostalCode", "95814")).build();

    assertThatThrownBy(() -> sort.handle(context)).hasMessageContaining("Expected the variable or header 'stepTime'");
  }

  @Nested
  class Jar extends PluginJarContract {
    Jar() {
      super("sort-center", Map.of("fulfillment.sort", Set.of(SORT_CENTER)));
    }
  }
}
