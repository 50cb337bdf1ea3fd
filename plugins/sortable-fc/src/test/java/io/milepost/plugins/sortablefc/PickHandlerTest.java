package io.milepost.plugins.sortablefc;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestInventory;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PickHandlerTest {

  private final PickHandler handler = new PickHandler();

  @Test
  @SuppressWarnings("unchecked")
  void shouldListPicksInPodOrderSoEachPodIsPresentedOnce() {
    // given the README order at Tracy: books and cable share pod P012, the mug is on P031
    var context = TestStepContext.at("fc-west-1").variablesFromJson(Orders.README_ORDER).build();

    // when
    var pick = (Map<String, Object>) StepResults.completed(handler.handle(context)).get("pick");

    // then
    var pickList = (List<Map<String, Object>>) pick.get("pickList");
    assertThat(pickList).extracting(line -> line.get("location")).containsExactly("P012-A-02", "P012-C-04", "P031-B-01");
    assertThat(pickList).extracting(line -> line.get("sku")).containsExactly("BK-1001", "HD-2001", "MG-4001");
    assertThat(pick).containsEntry("toteCount", 1).containsEntry("siteId", "fc-west-1");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldOpenASecondToteWhenTheFirstIsFull() {
    // given ten board games of 8.64 l each: seven fill 85% of a 72 l tote
    var context = TestStepContext.at("fc-west-1").variablesFromJson(Orders.withOneItem("GM-6001", 10, 1.6, 40, 27, 8)).build();

    // when
    var pick = (Map<String, Object>) StepResults.completed(handler.handle(context)).get("pick");

    // then
    assertThat(pick).containsEntry("toteCount", 2);
    assertThat((List<Map<String, Object>>) pick.get("totes"))
        .extracting(tote -> tote.get("toteId"), tote -> tote.get("units"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("o-2002-T1", 7), org.assertj.core.groups.Tuple.tuple("o-2002-T2", 3));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPickAnUnslottedSkuFromRandomStowAndShipTheOrdersReservation() {
    // given the mug, which fc-east-1 has not slotted, received there and reserved for the order
    var stock = new TestInventory().onHand("fc-east-1", "MG-4001", 5).onHand("fc-east-1", "BK-1001", 10)
        .onHand("fc-east-1", "HD-2001", 10);
    stock.reserve("fc-east-1", "o-1001", Map.of("BK-1001", 2, "HD-2001", 1, "MG-4001", 1));
    var context = TestStepContext.at("fc-east-1").variablesFromJson(Orders.README_ORDER).inventory(stock).build();

    // when
    var pick = (Map<String, Object>) StepResults.completed(handler.handle(context)).get("pick");

    // then
    assertThat((List<Map<String, Object>>) pick.get("pickList")).extracting(line -> line.get("location"))
        .contains("STOW-MG-4001");
    assertThat(pick).containsEntry("stock", "SHIPPED");
    assertThat(stock.position("fc-east-1", "MG-4001")).satisfies(p -> {
      assertThat(p.onHand()).isEqualTo(4);
      assertThat(p.reserved()).isZero();
    });
  }
}
