package io.milepost.host.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.engine.state.JournalingDataSource;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * How the host's own commits became durable on the journaled H2 store, as a Micrometer counter (scraped as {@code
 * milepost_engine_journal_host_commits_total}): {@code via="journal"}, in the engine's journal; {@code via="pages"},
 * by a store of H2's pages before the engine answered again, which costs the writer its turn (a commit that also wrote
 * to a table the journal does not take). A rising {@code pages} count under load is a statement or table to look at.
 */
@Component
final class JournalMeters {

  private static final String NAME = "milepost.engine.journal.host.commits";

  JournalMeters(DataSource dataSource, MeterRegistry registry) {
    if (dataSource instanceof JournalingDataSource journaling) {
      FunctionCounter.builder(NAME, journaling, JournalingDataSource::journaledCommits)
          .tag("via", "journal")
          .description("The host's commits made durable in the engine's journal")
          .register(registry);
      FunctionCounter.builder(NAME, journaling, JournalingDataSource::commitsStoredAsPages)
          .tag("via", "pages")
          .description("The host's commits the journal could not take, made durable by a store of H2's pages")
          .register(registry);
    }
  }
}
