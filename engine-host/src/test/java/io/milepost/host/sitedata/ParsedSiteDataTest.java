package io.milepost.host.sitedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedSiteDataTest {

  private static final DataSet SLOTTING = new DataSet("slotting",
      List.of(new Column("sku", Type.TEXT), new Column("location", Type.TEXT)), List.of("sku"), site -> "");
  private static final DataSet SHELVES = new DataSet("slotting",
      List.of(new Column("sku", Type.TEXT), new Column("shelf", Type.INTEGER)), List.of("sku"), site -> "");

  private final ParsedSiteData parsed = new ParsedSiteData();

  @Test
  void shouldParseAFileOnceForEveryJobThatReadsItAndHandOutRowsNoJobCanChange() {
    String file = "sku,location\nMG-4001,P031-B-01\n";

    List<Map<String, String>> first = parsed.parse(SLOTTING, file).rows();
    List<Map<String, String>> again = parsed.parse(SLOTTING, new String(file)).rows();

    assertThat(first).containsExactly(Map.of("sku", "MG-4001", "location", "P031-B-01"));
    assertThat(again).as("the rows a second job reads").isSameAs(first);
    assertThatThrownBy(() -> first.getFirst().put("location", "P099-Z-09"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldParseAnotherFileOrTheSameTextForOtherColumnsOnItsOwn() {
    String file = "sku,location\nMG-4001,P031-B-01\n";
    List<Map<String, String>> rows = parsed.parse(SLOTTING, file).rows();

    assertThat(parsed.parse(SLOTTING, "sku,location\nMG-4001,P099-Z-09\n").rows())
        .containsExactly(Map.of("sku", "MG-4001", "location", "P099-Z-09"));
    assertThat(parsed.parse(SHELVES, file).problems())
        .containsExactly("line 1: expected the columns sku,shelf, but found sku,location (unknown: [location])");
    assertThat(parsed.parse(SLOTTING, file).rows()).isSameAs(rows);
  }
}
