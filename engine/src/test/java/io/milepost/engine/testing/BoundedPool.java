package io.milepost.engine.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A pool of at most n connections, as the host's is: getConnection waits while all are out. */
public final class BoundedPool implements DataSource {

  private final DataSource target;
  private final Semaphore free;

  public BoundedPool(DataSource target, int size) {
    this.target = target;
    this.free = new Semaphore(size);
  }

  @Override
  public Connection getConnection() throws SQLException {
    free.acquireUninterruptibly();
    Connection connection;
    try {
      connection = target.getConnection();
    } catch (SQLException | RuntimeException e) {
      free.release();
      throw e;
    }
    boolean[] closed = {false};
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            synchronized (closed) {
              if (!closed[0]) {
                closed[0] = true;
                free.release();
              }
            }
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Takes every connection still free, as a burst of requests would; close them to give them back. */
  public List<Connection> takeAllFree() throws SQLException {
    List<Connection> taken = new ArrayList<>();
    while (free.availablePermits() > 0) {
      taken.add(getConnection());
    }
    return taken;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
