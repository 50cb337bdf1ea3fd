package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackedEventsTest {

  private static final long INSTANCE = 2251799813685249L;

  @Test
  void shouldReadBackEveryFieldExactlyWhateverTheTextHolds() {
    // given: the characters the format itself uses, in the payload and the ids, and absent fields
    List<EventLog.Entry> events = List.of(
        new EventLog.Entry(2251799813685250L, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", INSTANCE, "pick:1,-",
            "SERVICE_TASK", 1_764_489_600_000L, "{\"note\":\"3:a,-\\\"b\\\" ünïcødé 📦\"}"),
        new EventLog.Entry(-7, "VARIABLE", "CREATED", INSTANCE, null, null, 0, null),
        new EventLog.Entry(2251799813685251L, "JOB", "CREATED", INSTANCE, "", "", 1, ""));

    // when
    List<EventLog.Entry> read = PackedEvents.decode(PackedEvents.encode(events), INSTANCE);

    // then
    assertThat(read).isEqualTo(events);
  }

  @Test
  void shouldReadNoEventsFromARowWithoutPackedOnes() {
    assertThat(PackedEvents.decode(null, INSTANCE)).isEmpty();
  }

  @Test
  void shouldSayWhereADamagedRowBreaks() {
    // given: the element id's length runs past the end of the text
    String damaged = "5,6,3:JOB7:CREATED40:task-";

    // then
    assertThatThrownBy(() -> PackedEvents.decode(damaged, INSTANCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Expected a field of 40 characters at character 18 of a packed event log row, but found: 40:task-");
  }

  @Test
  void shouldGiveEachEventOfARowItsOwnPositionAfterThoseOfEarlierRows() {
    assertThat(PackedEvents.position(3, 0)).isEqualTo(768);
    assertThat(PackedEvents.position(3, 255)).isEqualTo(1023);
    assertThat(PackedEvents.rowPosition(1023)).isEqualTo(3);
    assertThat(PackedEvents.rowPosition(1024)).isEqualTo(4);
    assertThat(PackedEvents.rowPosition(0)).isZero();
  }
}
