package io.milepost.engine.state;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The data source to give the engine on an H2 file store, and to use for everything else that writes to the same
 * database: the engine then makes its own commits durable with a journal ({@code CommitJournal}) rather than by storing
 * H2's pages for each. Everyone else's commits go through this too: a transaction that wrote only to the tables named
 * in {@link #journalWritesTo} goes in the journal with the rows it wrote, in commit order with the engine's; any other
 * commit that wrote is reported, and the engine stores H2's pages before it answers its next commands. Given a plain
 * data source the engine stores H2's pages at every checkpoint instead, because it cannot know of such writes.
 *
 * <p>A connection counts as having written once it ran a statement other than a query ({@code executeQuery}). The
 * engine's own connections come from the {@link #target()}.
 */
public final class JournalingDataSource implements DataSource {

  /** How often the engine stores H2's pages while it journals: what a restart runs again is at most this much. */
  public static final Duration DEFAULT_STORE_INTERVAL = Duration.ofSeconds(2);

  /** The table a statement writes to, when it names it first and plainly (as engine-host's statements do). */
  private static final Pattern WRITTEN_TABLE = Pattern.compile(
      "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_.\"])",
      Pattern.CASE_INSENSITIVE);

  private final DataSource target;
  private final Duration storeInterval;
  /** The tables whose writes go in the journal row by row, as H2 names them (upper case). */
  private final Set<String> journaledTables = ConcurrentHashMap.newKeySet();
  /** The engine's journal, once its store opened it; until then nobody's writes are journaled. */
  private volatile CommitJournal journal;
  private final LongAdder journaledCommits = new LongAdder();
  private final LongAdder commitsStoredAsPages = new LongAdder();

  public JournalingDataSource(DataSource target) {
    this(target, DEFAULT_STORE_INTERVAL);
  }

  /** With the pages stored every {@code storeInterval} (the journal's records up to them are then deleted). */
  public JournalingDataSource(DataSource target, Duration storeInterval) {
    if (storeInterval.isNegative() || storeInterval.isZero()) {
      throw new IllegalArgumentException("Expected a store interval above 0, but found " + storeInterval);
    }
    this.target = target;
    this.storeInterval = storeInterval;
  }

  /** The data source this one reports the commits of. */
  public DataSource target() {
    return target;
  }

  Duration storeInterval() {
    return storeInterval;
  }

  /** The commits through this data source that went in the journal since the engine journals. */
  public long journaledCommits() {
    return journaledCommits.sum();
  }

  /**
   * The commits through this data source that wrote but could not go in the journal since the engine journals (a
   * table not journaled, or see {@link #journalWritesTo}): each made the engine store H2's pages before it answered
   * again, which costs the writer its turn.
   */
  public long commitsStoredAsPages() {
    return commitsStoredAsPages.sum();
  }

  /**
   * The bytes the engine's journal took since it started: the writer's commands and the rows journaled for others,
   * which is what the journal writes to its device before answering. 0 until the engine's store opened.
   */
  public long journalBytesWritten() {
    CommitJournal current = journal;
    return current == null ? 0 : current.appendedBytes();
  }

  /** Where the commits go from now on (the engine's store, once it started). */
  void journalTo(CommitJournal journal) {
    this.journal = journal;
  }

  /**
   * Journals the rows written to {@code tables} (of the connection's schema, each with a primary key) row by row from
   * now on, by a trigger H2 keeps with each table ({@link JournaledTableTrigger}); for the tables others write on the
   * answers' path (engine-host's step records and stock), whose commits would otherwise each make the engine store
   * H2's pages. Nothing to do on another database, which keeps its own log.
   */
  public void journalWritesTo(Collection<String> tables) {
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
      if (Dialect.fromProductName(connection.getMetaData().getDatabaseProductName()) != Dialect.H2) {
        return;
      }
      String schema = connection.getSchema();
      List<String> names = tables.stream().map(table -> table.toUpperCase(Locale.ROOT)).toList();
      for (String name : names) { // all checked first, so that a refusal leaves no trigger behind
        try (ResultSet found = connection.getMetaData().getTables(null, schema, name, new String[] {"BASE TABLE"})) {
          if (!found.next()) {
            throw new IllegalArgumentException("Expected a table " + name + " in schema " + schema
                + " to journal the writes to, but found none");
          }
        }
        JournaledTable.primaryKey(connection.getMetaData(), schema, name);
      }
      for (String name : names) {
        statement.execute("CREATE TRIGGER IF NOT EXISTS " + JournaledTable.quoted("MILEPOST_JOURNAL_" + name)
            + " AFTER INSERT, UPDATE, DELETE ON " + JournaledTable.quoted(name) + " FOR EACH ROW CALL '"
            + JournaledTableTrigger.class.getName() + "'");
        journaledTables.add(name);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to set up the journaling of the writes to " + tables, e);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return reporting(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return reporting(target.getConnection(username, password));
  }

  private Connection reporting(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new ReportingConnection(connection));
  }

  /** Whether the rows {@code sql} writes can go in the journal: it names a journaled table as the one it writes. */
  private boolean writesAJournaledTable(String sql) {
    if (sql == null) {
      return false;
    }
    Matcher written = WRITTEN_TABLE.matcher(sql);
    return written.lookingAt() && journaledTables.contains(written.group(1).toUpperCase(Locale.ROOT));
  }

  /**
   * Follows its connection's transaction while the engine journals: captures the rows it writes to journaled tables,
   * and at its commit journals them, or reports a commit it could not journal.
   */
  private final class ReportingConnection implements InvocationHandler {
    private final Connection connection;
    /** Whether the open transaction wrote. */
    private boolean wrote;
    /** Whether every write of the open transaction so far can be journaled. */
    private boolean journalable = true;
    /** The rows the open transaction wrote to journaled tables; null while it wrote none, or is not journalable. */
    private CapturedWrites captured;

    ReportingConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "commit" -> {
          commit();
          return null;
        }
        case "setAutoCommit" -> {
          if ((Boolean) args[0] && !connection.getAutoCommit()) {
            commit(); // what switching auto-commit on would commit
          }
        }
        case "rollback" -> {
          Object result = invokeOn(connection, method, args);
          if (args == null) {
            ended();
          } else {
            notJournalable(); // what came before the savepoint stays, and the trigger's rows do not say which
          }
          return result;
        }
        case "close" -> ended();
        default -> {}
      }
      Object result = invokeOn(connection, method, args);
      if (result instanceof Statement statement && method.getReturnType().isInterface()) {
        String prepared = method.getName().startsWith("prepare") ? (String) args[0] : null;
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
            new ReportingStatement(this, statement, prepared));
      }
      return result;
    }

    /**
     * Runs a statement that may write {@code sql}'s table ({@code null} when unknown). In auto-commit it runs in a
     * transaction of its own, so that its rows are committed with their position.
     */
    Object write(String sql, boolean batch, Execution execution) throws Throwable {
      if (journal == null) {
        return execution.run(); // nothing to journal or report to before the engine journals
      }
      boolean alone = connection.getAutoCommit();
      if (alone) {
        connection.setAutoCommit(false); // commits nothing: no transaction is open
      }
      try {
        int before = capture(sql);
        if (captured != null) {
          JournaledTable.capturing(captured);
        }
        try {
          Object result = execution.run();
          wrote = true;
          return result;
        } catch (Throwable failed) {
          if (batch || captured == null) {
            wrote = true; // the batch's other statements may have written
            notJournalable();
          } else {
            captured.truncate(before); // H2 undid the failed statement, rows the trigger saw included
          }
          throw failed;
        } finally {
          JournaledTable.stopCapturing();
        }
      } finally {
        if (alone) {
          try {
            commit();
          } finally {
            connection.setAutoCommit(true);
          }
        }
      }
    }

    /** Starts capturing the transaction's rows if {@code sql} keeps it journalable; returns how many there are. */
    private int capture(String sql) {
      if (!writesAJournaledTable(sql)) {
        notJournalable();
      } else if (journalable && captured == null) {
        captured = new CapturedWrites();
      }
      return captured == null ? 0 : captured.size();
    }

    private void commit() throws SQLException {
      CommitJournal commits = journal;
      try {
        if (commits != null && wrote && captured != null && captured.complete()) {
          if (captured.size() > 0) {
            commits.commitOthers(connection, captured);
            journaledCommits.increment();
          } else {
            connection.commit(); // its statements changed no row
          }
        } else {
          connection.commit();
          if (commits != null && wrote) {
            commits.othersCommitted();
            commitsStoredAsPages.increment();
          }
        }
      } finally {
        ended();
      }
    }

    private void notJournalable() {
      journalable = false;
      captured = null;
    }

    private void ended() {
      wrote = false;
      journalable = true;
      captured = null;
    }
  }

  /** A statement's run. */
  @FunctionalInterface
  private interface Execution {
    Object run() throws Throwable;
  }

  /** Runs its statements that may write through its connection's {@link ReportingConnection#write}. */
  private record ReportingStatement(ReportingConnection connection, Statement statement, String prepared)
      implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (!name.startsWith("execute") || name.equals("executeQuery")) {
        return invokeOn(statement, method, args);
      }
      String sql = prepared != null ? prepared : args != null && args.length > 0 && args[0] instanceof String text
          ? text : null;
      return connection.write(sql, name.contains("Batch"), () -> invokeOn(statement, method, args));
    }
  }

  private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || type.isInstance(target) || target.isWrapperFor(type);
  }
}
