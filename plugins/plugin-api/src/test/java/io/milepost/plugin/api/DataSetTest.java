package io.milepost.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSetTest {

  private static final DataSet WAVES = new DataSet("waves", List.of(new Column("wave", Type.TEXT),
      new Column("own", Type.BOOLEAN), new Column("cutOff", Type.TIME), new Column("zone", Type.TIME_ZONE),
      new Column("drivers", Type.INTEGER), new Column("fill", Type.DECIMAL)), List.of("wave"), site -> "");

  @Test
  void shouldReadRowsWhoseValuesFitTheirColumns() {
    var parsed = WAVES.parse("# a comment\nwave,own,cutOff,zone,drivers,fill\nW1,true,07:30,America/Chicago,12,0.75\n\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).containsExactly(Map.of("wave", "W1", "own", "true", "cutOff", "07:30",
        "zone", "America/Chicago", "drivers", "12", "fill", "0.75"));
  }

  @Test
  void shouldNameTheLineAndTheExpectedTypeOfEveryValueThatDoesNotFit() {
    var parsed = WAVES.parse("wave,own,cutOff,zone,drivers,fill\nW1,yes,7h30,Mars/Olympus,twelve,full\n");

    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).containsExactly(
        "line 2: expected own to be true or false, but found 'yes'",
        "line 2: expected cutOff to be a time of day such as 07:30, but found '7h30'",
        "line 2: expected zone to be a time zone id such as America/Los_Angeles, but found 'Mars/Olympus'",
        "line 2: expected drivers to be a whole number, but found 'twelve'",
        "line 2: expected fill to be a number, but found 'full'");
  }

  @Test
  void shouldRefuseASecondRowOfAOneRowDataSet() {
    var zone = new DataSet("time-zone", List.of(new Column("timeZone", Type.TIME_ZONE)), List.of("timeZone"),
        site -> "", true);

    assertThat(zone.parse("timeZone\nAmerica/Chicago\nAmerica/Denver").problems())
        .containsExactly("line 3: expected one row in data set time-zone, but found a second one");
    assertThat(WAVES.oneRow()).isFalse();
  }
}
