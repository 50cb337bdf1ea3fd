package io.milepost.host.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC finds the handlers of the API and the pages with {@link LiteralPrefixHandlerMapping}. */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

  @Bean
  WebMvcRegistrations literalPrefixHandlerLookup() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new LiteralPrefixHandlerMapping();
      }
    };
  }
}
