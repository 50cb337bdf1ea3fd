package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history retention decided, for every table the migrations create, whether an expired instance's rows go. */
class ExpiredHistoryTablesTest {

  @Test
  void shouldDeleteFromOrKeepEveryTableTheMigrationsCreate() throws IOException, URISyntaxException {
    List<String> created = StorePurgeTest.tablesTheMigrationsCreate();

    assertThat(created).isNotEmpty();
    assertThat(created).allSatisfy(table -> assertThat(ExpiredHistory.DELETED.contains(table)
        ^ ExpiredHistory.KEPT.contains(table)).as("table %s is deleted or kept in ExpiredHistory", table).isTrue());
  }
}
