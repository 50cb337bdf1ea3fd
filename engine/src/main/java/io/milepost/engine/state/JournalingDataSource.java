package io.milepost.engine.state;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source to give the engine on an H2 file store, and to use for everything else that writes to the same
 * database: the engine then makes its own commits durable with a journal ({@code CommitJournal}), and this tells it
 * when anyone else committed a write, whose pages the engine then stores before it answers its next commands. Given a
 * plain data source the engine stores H2's pages at every checkpoint instead, because it cannot know of such writes.
 *
 * <p>A connection counts as having written once it ran a statement other than a query ({@code executeQuery}); its
 * commit (or, in auto-commit, the statement itself) is then reported. The engine's own connections come from the
 * {@link #target()}.
 */
public final class JournalingDataSource implements DataSource {

  /** How often the engine stores H2's pages while it journals: what a restart runs again is at most this much. */
  public static final Duration DEFAULT_STORE_INTERVAL = Duration.ofSeconds(2);

  private final DataSource target;
  private final Duration storeInterval;
  private volatile Runnable othersCommitted = () -> {};

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

  /** Whom to tell of a commit that wrote (the engine's store, once it started). */
  void onCommit(Runnable listener) {
    this.othersCommitted = listener;
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

  /** Remembers whether its connection wrote since its last commit or rollback, and reports the commit if so. */
  private final class ReportingConnection implements InvocationHandler {
    private final Connection connection;
    private boolean wrote;

    ReportingConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("setAutoCommit") && (Boolean) args[0] && !connection.getAutoCommit()) {
        invokeOn(connection, method, args); // commits what is open
        committed();
        return null;
      }
      Object result = invokeOn(connection, method, args);
      switch (name) {
        case "commit" -> committed();
        case "rollback" -> wrote = wrote && args != null; // to a savepoint, what came before it may stay
        case "close" -> wrote = false;
        default -> {
          if (result instanceof Statement statement && method.getReturnType().isInterface()) {
            return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
                new ReportingStatement(this, statement));
          }
        }
      }
      return result;
    }

    void executed() {
      wrote = true;
      boolean autoCommit;
      try {
        autoCommit = connection.getAutoCommit();
      } catch (SQLException brokenConnection) {
        autoCommit = true; // cannot tell: reported as committed, which costs one store at most
      }
      if (autoCommit) {
        committed();
      }
    }

    private void committed() {
      if (wrote) {
        wrote = false;
        othersCommitted.run();
      }
    }
  }

  /** Tells its connection when it ran anything but a query. */
  private record ReportingStatement(ReportingConnection connection, Statement statement) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      boolean writes = name.startsWith("execute") && !name.equals("executeQuery");
      try {
        return invokeOn(statement, method, args);
      } finally {
        if (writes) {
          connection.executed(); // also when it failed: part of a batch may have been applied
        }
      }
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
