package io.milepost.engine.state;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the store itself (its database closed, unreachable or restarting) from a failure of one
 * statement. A connection that saw one must not be used again. After a failed write (a full disk) H2 closes its
 * database but not the sessions of its connections: a statement on such a session that was inside a transaction
 * spins in H2 for good ({@code MVStore.registerVersionUsage}), one that was not fails with "database closed" each
 * time. A pool must therefore discard such connections (the host's does, see its {@code BrokenConnectionEviction}).
 */
public final class StoreOutage {

  /** H2: the database is closed ({@code 90098}) or being closed ({@code 90121}). */
  private static final Set<Integer> H2_DATABASE_CLOSED = Set.of(90098, 90121);
  /** H2's general error: how a failed write or read of its file (a full disk) reaches the caller. */
  private static final int H2_GENERAL_ERROR = 50000;
  /** PostgreSQL: the server is shutting down or restarting (admin_shutdown, crash_shutdown, cannot_connect_now). */
  private static final Set<String> POSTGRES_SHUTDOWN = Set.of("57P01", "57P02", "57P03");
  /** SQL's class of connection exceptions. */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  private StoreOutage() {}

  /** Whether {@code failure}, or anything it was caused by, says the store itself failed. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isOutage(sql)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this exception (not its causes) says the store itself failed. */
  public static boolean isOutage(SQLException failure) {
    String state = failure.getSQLState();
    return failure instanceof SQLTransientConnectionException
        || H2_DATABASE_CLOSED.contains(failure.getErrorCode())
        || failure.getErrorCode() == H2_GENERAL_ERROR
        || (state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || POSTGRES_SHUTDOWN.contains(state)));
  }
}
