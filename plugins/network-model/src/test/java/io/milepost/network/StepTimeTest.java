package io.milepost.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.testkit.TestStepContext;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StepTimeTest {

  @Test
  void shouldReadTheStepTimeInTheLocalZoneOfTheSite() {
    var brooklyn = TestStepContext.at("ds-east-1").variable("stepTime", "2025-11-30T16:15:00Z").build();
    var oakland = TestStepContext.at("ds-west-1").variable("stepTime", "2025-11-30T16:15:00Z").build();

    assertThat(StepTime.atSite(brooklyn).toLocalTime()).hasToString("11:15");
    assertThat(StepTime.atSite(oakland).toLocalTime()).hasToString("08:15");
  }

  @Test
  void shouldUnderstandFeelsZonedForm() {
    var context = TestStepContext.at("sc-west-1").variable("stepTime", "2025-11-30T08:15:00@America/New_York").build();

    assertThat(StepTime.atSite(context).toLocalTime()).hasToString("05:15");
  }

  @Test
  void shouldTakeASitesZoneFromDataNotFromItsRegion() {
    assertThat(SiteTimeZones.of(TestStepContext.at("sc-east-1").build())).isEqualTo(ZoneId.of("America/New_York"));
    var unknown = TestStepContext.at(new Site("ds-north-1", null, BuildingType.DELIVERY_STATION, "west"))
        .variable("stepTime", "2025-11-30T16:15:00Z").build();

    assertThatThrownBy(() -> StepTime.atSite(unknown))
        .hasMessage("Expected site ds-north-1 to have a time zone (data set time-zone: "
            + "PUT /api/sites/ds-north-1/data/time-zone), but it has none");
  }

  @Test
  void shouldReadTheStepTimeInTheZoneTheSitesOwnDataGivesIt() {
    var moved = TestStepContext.at("ds-west-1").siteData(SiteTimeZones.NAME, "timeZone\nAmerica/Chicago")
        .variable("stepTime", "2025-11-30T16:15:00Z").build();

    assertThat(StepTime.atSite(moved).toLocalTime()).hasToString("10:15");
  }

  @Test
  void shouldRefuseATimeZoneFileWithAnUnknownZoneOrTwoRows() {
    assertThat(SiteTimeZones.DATA_SET.parse("timeZone\nAmerica/Tracy").problems())
        .containsExactly("line 2: expected timeZone to be a time zone id such as America/Los_Angeles, but found 'America/Tracy'");
    assertThat(SiteTimeZones.DATA_SET.parse("timeZone\nAmerica/Chicago\nAmerica/Denver").problems())
        .containsExactly("line 3: expected one row in data set time-zone, but found a second one");
  }

  @Test
  void shouldPrintOneTrackingIdPerSiteAndOrder() {
    assertThat(Labels.trackingId("fc-west-1", "o-1001")).isEqualTo("MPFCWEST1-o-1001");
  }
}
