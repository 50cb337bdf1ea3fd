package io.milepost.host.insight;

import io.milepost.host.site.HostSchema;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class InsightBeans {

  @Bean
  StepSamples stepSamples(JdbcClient jdbc, HostSchema schema) {
    return new StepSamples(jdbc, schema);
  }

  @Bean
  StepRollups stepRollups(JdbcClient jdbc, HostSchema schema) {
    return new StepRollups(jdbc);
  }

  /** {@code milepost.steps.record-retention}: how long raw step records are kept (90d, P90D); rollups stay. */
  @Bean
  RecordRetention recordRetention(Environment environment) {
    return new RecordRetention(environment.getProperty("milepost.steps.record-retention", Duration.class,
        RecordRetention.DEFAULT), Clock.systemUTC());
  }

  @Bean
  StepInsights stepInsights(JdbcClient jdbc, HostSchema schema, RecordRetention retention) {
    return new StepInsights(jdbc, schema, retention);
  }
}
