package io.milepost.host.insight;

import io.milepost.host.site.HostSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

  @Bean
  StepInsights stepInsights(JdbcClient jdbc, HostSchema schema) {
    return new StepInsights(jdbc, schema);
  }
}
