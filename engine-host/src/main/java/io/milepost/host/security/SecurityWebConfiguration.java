package io.milepost.host.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the site guard in front of the user task endpoints. */
@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration implements WebMvcConfigurer {

  private final UserTaskSiteGuard userTaskSiteGuard;

  SecurityWebConfiguration(UserTaskSiteGuard userTaskSiteGuard) {
    this.userTaskSiteGuard = userTaskSiteGuard;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(userTaskSiteGuard).addPathPatterns("/v2/user-tasks/*", "/v2/user-tasks/*/**")
        .excludePathPatterns("/v2/user-tasks/search");
  }
}
