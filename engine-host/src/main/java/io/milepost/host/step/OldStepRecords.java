package io.milepost.host.step;

import io.milepost.host.insight.RecordRetention;
import io.milepost.host.site.HostSchema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the step records (with their measures) that started before {@code milepost.steps.record-retention}, so that
 * a host that runs for months keeps a store of constant size. A bounded batch per transaction, so neither the writers
 * of new records nor the readers wait long. The hourly rollups (step_rollup*) are kept: the insights over old windows
 * read them (see {@link io.milepost.host.insight.StepInsights}).
 */
public final class OldStepRecords {

  private static final Logger LOG = LoggerFactory.getLogger(OldStepRecords.class);
  /** Records per transaction. */
  static final int BATCH = 1_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final RecordRetention retention;

  public OldStepRecords(JdbcTemplate jdbc, HostSchema migrated, TransactionTemplate transaction,
      RecordRetention retention) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.retention = retention;
  }

  /** Deletes every record older than the retention, batch by batch; returns how many. */
  public long deleteExpired() {
    OffsetDateTime cutOff = OffsetDateTime.ofInstant(retention.keptFrom(), ZoneOffset.UTC);
    long deleted = 0;
    int batch;
    do {
      batch = transaction.execute(status -> deleteBatch(cutOff));
      deleted += batch;
    } while (batch == BATCH);
    if (deleted > 0) {
      LOG.info("Deleted {} step records that started before {} (milepost.steps.record-retention {})", deleted,
          cutOff.toInstant(), retention.retention());
    }
    return deleted;
  }

  private int deleteBatch(OffsetDateTime cutOff) {
    List<Object[]> ids = jdbc.query("SELECT id FROM step_record WHERE started_at < ? ORDER BY started_at"
        + " FETCH FIRST " + BATCH + " ROWS ONLY", (rs, row) -> new Object[] {rs.getLong(1)}, cutOff);
    jdbc.batchUpdate("DELETE FROM step_measure WHERE step_record_id = ?", ids);
    jdbc.batchUpdate("DELETE FROM step_record WHERE id = ?", ids);
    return ids.size();
  }
}
