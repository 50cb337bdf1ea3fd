package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The host finds the handlers of its API and its pages with the literal-prefix look-up. */
class HandlerLookupTest extends WebTestSupport {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Test
  void theHostLooksUpItsHandlersByLiteralPrefix() {
    assertThat(handlerMapping).isInstanceOf(LiteralPrefixHandlerMapping.class);
    assertThat(handlerMapping.getHandlerMethods()).hasSizeGreaterThan(100);
  }
}
