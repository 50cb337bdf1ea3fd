package io.milepost.plugins.sortablefc;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackHandlerTest {

  private final PackHandler handler = new PackHandler();

  @Test
  @SuppressWarnings("unchecked")
  void shouldRecommendTheSmallestBoxAndWrapAFragileMugInBubbleWrap() {
    // given 2.94 l of items weighing 1.25 kg: A1 (4.5 l) holds them at 65% fill
    var context = TestStepContext.at("fc-west-1").variablesFromJson(Orders.README_ORDER).build();

    // when
    var parcel = (Map<String, Object>) StepResults.completed(handler.handle(context)).get("package");

    // then
    assertThat(parcel)
        .containsEntry("boxCode", "A1")
        .containsEntry("dunnageType", "BUBBLE_WRAP")
        .containsEntry("dunnageLitres", 1.56)
        .containsEntry("itemsWeightKg", 1.25)
        .containsEntry("packagingWeightKg", 0.17)
        .containsEntry("declaredWeightKg", 1.42)
        .containsEntry("units", 4);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldChooseFromTheBoxesTheSiteStocksNow() {
    // given the site no longer stocks A1 and A2, but a new A3 just big enough
    var context = TestStepContext.at("fc-west-1").variablesFromJson(Orders.README_ORDER)
        .siteData("box-catalogue", "code,lengthCm,widthCm,heightCm,tareKg,maxWeightKg\nA3,20,20,10,0.12,5\nB1,40,30,20,0.40,15")
        .build();

    // when
    var parcel = (Map<String, Object>) StepResults.completed(handler.handle(context)).get("package");

    // then
    assertThat(parcel).containsEntry("boxCode", "A3");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldChooseABoxByTheLongestSideEvenWhenASmallerOneHasTheVolume() {
    // given one 45 cm keyboard: only B2 and C1 are long enough
    var context = TestStepContext.at("fc-west-1").variablesFromJson(Orders.withOneItem("KB-6002", 1, 0.9, 45, 15, 4)).build();

    // when
    var parcel = (Map<String, Object>) StepResults.completed(handler.handle(context)).get("package");

    // then
    assertThat(parcel).containsEntry("boxCode", "B2").containsEntry("dunnageType", "AIR_PILLOWS");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldChooseABiggerBoxWhenTheWeightExceedsTheSmallerBoxRating() {
    // given six 1.8 kg units: A2 holds their 7.2 l (7.76 l usable) but is rated for 10 kg, they weigh 10.8 kg
    var context = TestStepContext.at("fc-west-1").variablesFromJson(Orders.withOneItem("GM-6001", 6, 1.8, 15, 10, 8)).build();

    // when
    var parcel = (Map<String, Object>) StepResults.completed(handler.handle(context)).get("package");

    // then
    assertThat(parcel).containsEntry("boxCode", "B1");
  }

  @Test
  void shouldThrowNoBoxFitsWhenTheOrderIsLargerThanTheBiggestBox() {
    // given twelve 45 cm x 27 cm x 8 cm board games: 116 l, more than C1 holds at 75%
    var context = TestStepContext.at("fc-west-1").variablesFromJson(Orders.withOneItem("GM-6001", 12, 1.6, 45, 27, 8)).build();

    // when
    var error = StepResults.error(handler.handle(context));

    // then
    assertThat(error.code()).isEqualTo("NO_BOX_FITS");
    assertThat(error.message()).contains("o-2002");
  }
}
