package io.milepost.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionLanguageTest {

  private final ExpressionLanguage feel = new ExpressionLanguage();

  private final Map<String, Object> variables = Map.of(
      "siteId", "fc-west-1",
      "order", Map.of("orderId", "o-1", "destination", Map.of("postalCode", "94607"),
          "items", List.of(Map.of("sku", "A"), Map.of("sku", "B"))),
      "count", 3);

  @Test
  void shouldReadVariablePathsLikeFeelDoes() {
    // a plain read takes the fast path; the same read in parentheses goes through FEEL: both agree
    for (String path : List.of("siteId", "order.orderId", "order.destination.postalCode", "order.items", "count",
        "missing", "order.missing", "order.items.sku", "siteId.length")) {
      assertThat(feel.evaluate(feel.parse("=" + path), variables)).as(path)
          .isEqualTo(feel.evaluate(feel.parse("=(" + path + ")"), variables));
    }
    assertThat(feel.evaluate(feel.parse("=order.items.sku"), variables)).isEqualTo(List.of("A", "B"));
  }

  @Test
  void shouldReadAVariableSetToNullAndOneNeverSetBothAsNull() {
    Map<String, Object> withNull = new HashMap<>(variables);
    withNull.put("carrier", null);
    for (Map<String, Object> scope : List.of(withNull, variables)) {
      assertThat(feel.evaluate(feel.parse("=if carrier = null then \"none\" else carrier"), scope)).isEqualTo("none");
      assertThat(feel.evaluate(feel.parse("=carrier"), scope)).isNull();
    }
  }

  @Test
  void shouldSeeEveryVariableWhereAnExpressionReadsMany() {
    assertThat(feel.evaluate(feel.parse("=siteId + \"/\" + order.orderId + \"/\" + string(count)"), variables))
        .isEqualTo("fc-west-1/o-1/3");
    assertThat(feel.evaluate(feel.parse("=order.items[sku = \"B\"].sku"), variables)).isEqualTo(List.of("B"));
  }

  @Test
  void shouldLetANameAnExpressionBindsHideTheVariableOfThatName() {
    Map<String, Object> withItem = new HashMap<>(variables);
    withItem.put("item", Map.of("sku", "Z"));
    withItem.put("a", 10);
    assertThat(feel.evaluate(feel.parse("=for item in order.items return item.sku"), withItem))
        .isEqualTo(List.of("A", "B"));
    assertThat(feel.evaluate(feel.parse("={a: 1, b: a + 1}.b"), withItem)).isEqualTo(2L);
    assertThat(feel.evaluate(feel.parse("=some item in order.items satisfies item.sku = \"Z\""), withItem))
        .isEqualTo(false);
  }

  @Test
  void shouldRejectAnUnknownFunctionAtParseTimeNamingIt() {
    assertThatThrownBy(() -> feel.parse("=boxFor(order)"))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("unknown function 'boxFor'");
    assertThat(feel.parse("=string length(siteId) > 3")).isNotNull();
  }

  @Test
  void shouldSayWhatWasExpectedWhenAConditionIsNotABoolean() {
    assertThatThrownBy(() -> feel.evaluateBoolean(feel.parse("=order.orderId"), variables))
        .hasMessageContaining("Expected condition '=order.orderId' to evaluate to a boolean, but it was 'o-1'");
  }
}
