package io.milepost.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestStepContextTest {

  record Item(String sku, int quantity) {}

  record Order(String orderId, List<Item> items) {}

  record OrderVariables(Order order) {}

  @Test
  void shouldHandVariablesToTheHandlerAsJsonValuesLikeTheHost() {
    // given
    var context = TestStepContext.at("fc-west-1").variable("order", new Order("o-1", List.of(new Item("BK-1001", 2)))).build();

    // when
    Object order = context.variables().get("order");

    // then
    assertThat(order).isEqualTo(Map.of("orderId", "o-1", "items", List.of(Map.of("sku", "BK-1001", "quantity", 2))));
    assertThat(context.site().name()).isEqualTo("Tracy Sortable FC");
  }

  @Test
  void shouldMapVariablesOntoARecordIgnoringUnknownOnes() {
    // given
    var context = TestStepContext.at(DemoNetwork.SC_EAST_1)
        .variablesFromJson("{\"order\": {\"orderId\": \"o-2\", \"items\": [], \"extra\": true}, \"siteId\": \"sc-east-1\"}")
        .build();

    // when
    OrderVariables variables = context.variables(OrderVariables.class);

    // then
    assertThat(variables.order().orderId()).isEqualTo("o-2");
  }

  @Test
  void shouldSayWhichVariablesDoNotFitTheType() {
    var context = TestStepContext.at("fc-west-1").variablesFromJson("{\"order\": \"not an object\"}").build();

    assertThatThrownBy(() -> context.variables(OrderVariables.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(OrderVariables.class.getName());
  }

  @Test
  void shouldHandAWholeNumberAsTheHostDoesEvenWhenTheTestGivesALong() {
    // The engine in process holds whole numbers as Long; the host and the testkit both hand Integer.
    var context = TestStepContext.at("fc-west-1").variable("quantity", 2L).build();

    assertThat(context.variables().get("quantity")).isEqualTo(2);
  }

  @Test
  void shouldReadTheSitesOwnCopyOfADataSetAndRefuseOneTheHostWouldRefuse() {
    var slotting = new DataSet("slotting", List.of(new DataSet.Column("sku", DataSet.Type.TEXT),
        new DataSet.Column("location", DataSet.Type.TEXT)), List.of("sku"), site -> "sku,location\nMG-4001,P031-B-01");

    assertThat(TestStepContext.at("fc-west-1").build().siteData(slotting))
        .containsExactly(Map.of("sku", "MG-4001", "location", "P031-B-01"));
    assertThat(TestStepContext.at("fc-west-1").siteData("slotting", "sku,location\nMG-4001,P099-Z-09").build()
        .siteData(slotting)).containsExactly(Map.of("sku", "MG-4001", "location", "P099-Z-09"));
    assertThatThrownBy(() -> TestStepContext.at("fc-west-1").siteData("slotting", "sku,aisle\nMG-4001,9").build()
        .siteData(slotting)).hasMessageContaining("line 1: expected the columns sku,location");
  }

  @Test
  void shouldRefuseCompletedVariablesTheHostCannotStore() {
    StepResult result = StepResult.complete(Map.of("order", new Order("o-3", List.of())));

    assertThatThrownBy(() -> StepResults.completed(result))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("JSON-like value at order");
  }

  @Test
  void shouldRejectAnUnknownDemoSite() {
    assertThatThrownBy(() -> DemoNetwork.site("fc-north-9")).hasMessageContaining("fc-north-9");
  }
}
