package io.milepost.host.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.milepost.engine.state.JournalingDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Hands out the H2 connection pool as a {@link JournalingDataSource}, to the engine and to everything else in the
 * host that writes (step records, stock, rollouts): so the engine journals its commits instead of storing H2's pages
 * for each, and the host's commits to its own tables too ({@code HostSchema} names them); any other commit of the
 * host's makes the engine store the pages before it answers again. {@code
 * milepost.engine.h2-journal=false} leaves the pool as it is, and the engine then stores the pages at every checkpoint
 * (what a restart finds is the same; a journal left by an earlier run is still run again on start). PostgreSQL keeps
 * its own log.
 */
@Component
final class JournalingPool implements BeanPostProcessor {

  private final Environment environment;

  JournalingPool(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:")
        && environment.getProperty("milepost.engine.h2-journal", Boolean.class, true)) {
      return new JournalingDataSource(pool);
    }
    return bean;
  }
}
