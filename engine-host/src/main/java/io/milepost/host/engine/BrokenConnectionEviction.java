package io.milepost.host.engine;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.milepost.engine.state.StoreOutage;
import java.sql.SQLException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Makes the connection pool discard every connection once one of them shows that the store itself failed (see
 * {@link StoreOutage}): after a failed write (a full disk) H2 closes its database but leaves the sessions of the
 * pooled connections open, and the pool's validity check still finds them valid. Reused, such a connection fails
 * every statement, or spins in H2 at full CPU if it was inside a transaction. New connections open the database
 * anew. Idle connections close at once, those in use when they are returned.
 */
@Component
final class BrokenConnectionEviction implements BeanPostProcessor {

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool) {
      pool.setExceptionOverride(new EvictAllOnStoreOutage(pool));
    }
    return bean;
  }

  private record EvictAllOnStoreOutage(HikariDataSource pool) implements SQLExceptionOverride {

    @java.lang.Override // the interface's own nested type Override shadows the annotation's name here
    public Override adjudicate(SQLException failure) {
      if (!StoreOutage.isOutage(failure)) {
        return Override.CONTINUE_EVICT; // the pool's own rules
      }
      HikariPoolMXBean connections = pool.getHikariPoolMXBean();
      if (connections != null) {
        connections.softEvictConnections();
      }
      return Override.MUST_EVICT;
    }
  }
}
