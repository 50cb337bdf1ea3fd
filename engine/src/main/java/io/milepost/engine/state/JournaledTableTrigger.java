package io.milepost.engine.state;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's row trigger on a table whose writes through a {@link JournalingDataSource} go in the journal (engine-host's
 * step records and stock): hands each row written to the {@link JournaledTable}'s capture. The only class of the
 * engine compiled against H2, and loaded only by H2 (one per table, called on the writing statement's thread).
 */
public final class JournaledTableTrigger implements Trigger {

  private JournaledTable table;

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    this.table = JournaledTable.of(connection.getMetaData(), schema, table);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
    table.written(oldRow, newRow);
  }
}
