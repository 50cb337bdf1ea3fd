package io.milepost.host.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.engine.state.JournalingDataSource;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The journaled H2 store as Micrometer counters. How the host's own commits became durable ({@code
 * milepost_engine_journal_host_commits_total}): {@code via="journal"}, in the engine's journal; {@code via="pages"},
 * by a store of H2's pages before the engine answered again, which costs the writer its turn (a commit that also wrote
 * to a table the journal does not take). A rising {@code pages} count under load is a statement or table to look at.
 * And the bytes the journal wrote ({@code milepost_engine_journal_written_bytes_total}), all forced to the device
 * before their commands were answered: with the commands per second, what a command costs the data disk.
 */
@Component
final class JournalMeters {

  private static final String NAME = "milepost.engine.journal.host.commits";
  private static final String WRITTEN = "milepost.engine.journal.written";

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
      FunctionCounter.builder(WRITTEN, journaling, JournalingDataSource::journalBytesWritten)
          .baseUnit("bytes")
          .description("The bytes the engine's journal wrote since the engine started")
          .register(registry);
    }
  }
}
