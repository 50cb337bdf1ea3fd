package io.milepost.plugin.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonStepContextTest {

  private static final Site SITE = new Site("fc-west-1", "Tracy Sortable FC", BuildingType.SORTABLE_FC, "west");

  record Line(String sku, int quantity) {}

  private static JsonStepContext context(Map<String, ?> variables) {
    return new JsonStepContext(SITE, variables, Map.of(), 3, null, dataSet -> List.of());
  }

  @Test
  void shouldHandWholeNumbersAsIntegersWhetherTheEngineHeldThemAsLongOrTheClientAsInteger() {
    // given: the same order as the engine in process holds it (Long, FEEL's BigDecimal) and as the client does
    var fromEngine = context(Map.of("order", Map.of("quantity", 2L, "weightKg", new BigDecimal("0.35"))));
    var fromClient = context(Map.of("order", Map.of("quantity", 2, "weightKg", 0.35)));

    // then: a handler sees one shape
    assertThat(fromEngine.variables()).isEqualTo(fromClient.variables());
    assertThat(((Map<?, ?>) fromEngine.variables().get("order")).get("quantity")).isInstanceOf(Integer.class);
  }

  @Test
  void shouldKeepNumbersTooBigForAnIntegerAsLongAndBeyondAsBigInteger() {
    var context = context(Map.of("key", 2251799813685249L, "huge", new BigInteger("123456789012345678901234567890")));

    assertThat(context.variables().get("key")).isEqualTo(2251799813685249L);
    assertThat(context.variables().get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void shouldHandRecordsAndDatesAsTheirJson() {
    var context = context(Map.of("line", new Line("MG-4001", 1), "promised", LocalDate.of(2026, 11, 30)));

    assertThat(context.variables()).containsEntry("line", Map.of("sku", "MG-4001", "quantity", 1))
        .containsEntry("promised", "2026-11-30");
  }

  @Test
  void shouldKeepNullValuesAndRefuseChanges() {
    java.util.Map<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("scaleWeightKg", null);
    var context = context(withNull);

    assertThat(context.variables()).containsEntry("scaleWeightKg", null);
    assertThatThrownBy(() -> context.variables().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldSayWhenTheVariablesDoNotFitTheType() {
    record Wants(Line line) {}

    assertThatThrownBy(() -> context(Map.of("line", "not an object")).variables(Wants.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Expected the job's variables to fit " + Wants.class.getName());
  }

  @Test
  void shouldSayItKeepsNoStockWhenMadeWithout() {
    assertThatThrownBy(() -> context(Map.of()).inventory()).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("has none");
  }
}
