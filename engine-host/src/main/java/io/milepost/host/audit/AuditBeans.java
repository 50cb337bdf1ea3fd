package io.milepost.host.audit;

import io.milepost.host.site.HostSchema;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AuditBeans {

  @Bean
  AuditLog auditLog(JdbcClient jdbc, HostSchema schema) {
    return new AuditLog(jdbc, Clock.systemUTC(), schema);
  }
}
