package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.web.LiteralPrefixHandlerMapping.LiteralPrefixes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring's handler look-up with the literal-prefix filter: same handlers, fewer full comparisons. */
class LiteralPrefixHandlerMappingTest {

  @RestController
  static class Routes {
    @PostMapping("/v2/jobs/{jobKey}/completion")
    void completeJob() {}

    @PostMapping("/v2/jobs/{jobKey}/failure")
    void failJob() {}

    @GetMapping("/v2/user-tasks/{userTaskKey}")
    void userTask() {}

    @PostMapping("/v2/user-tasks/{userTaskKey}/completion")
    void completeUserTask() {}

    @GetMapping("/v2/incidents/{incidentKey}")
    void incident() {}

    @PostMapping("/v2/process-instances/{processInstanceKey}/cancellation")
    void cancelInstance() {}

    @PostMapping("/rollouts/{id}/{action:advance|pause|resume|rollback}")
    void rolloutAction() {}

    @GetMapping("/files/**")
    void file() {}

    @GetMapping("/{siteId}")
    void site() {}

    @GetMapping("/v2/topology")
    void topology() {}
  }

  private AnnotationConfigApplicationContext context;
  private LiteralPrefixHandlerMapping mapping;

  @BeforeEach
  void registerRoutes() {
    context = new AnnotationConfigApplicationContext(Routes.class);
    mapping = new LiteralPrefixHandlerMapping();
    mapping.setApplicationContext(context);
    mapping.afterPropertiesSet();
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void theLiteralStartOfAPatternEndsAtItsFirstVariableOrWildcard() {
    assertThat(LiteralPrefixes.literalStart("/v2/jobs/{jobKey}/completion")).isEqualTo("/v2/jobs/");
    assertThat(LiteralPrefixes.literalStart("/rollouts/{id}/{action:advance|pause}")).isEqualTo("/rollouts/");
    assertThat(LiteralPrefixes.literalStart("/files/**")).isEqualTo("/files/");
    assertThat(LiteralPrefixes.literalStart("/img/logo?.png")).isEqualTo("/img/logo");
    assertThat(LiteralPrefixes.literalStart("/v2/topology")).isEqualTo("/v2/topology");
    assertThat(new LiteralPrefixes(List.of("/a/", "/b/")).couldMatch("/b/1")).isTrue();
    assertThat(new LiteralPrefixes(List.of("/a/", "/b/")).couldMatch("/c/1")).isFalse();
  }

  @Test
  void findsTheSameHandlersAsSpring() throws Exception {
    assertThat(handlerOf("POST", "/v2/jobs/7/completion")).isEqualTo("completeJob");
    assertThat(handlerOf("POST", "/v2/jobs/7/failure")).isEqualTo("failJob");
    assertThat(handlerOf("POST", "/v2/user-tasks/9/completion")).isEqualTo("completeUserTask");
    assertThat(handlerOf("GET", "/v2/user-tasks/9")).isEqualTo("userTask");
    assertThat(handlerOf("POST", "/rollouts/3/advance")).isEqualTo("rolloutAction");
    assertThat(handlerOf("GET", "/files/a/b.txt")).isEqualTo("file");
    assertThat(handlerOf("GET", "/site-12")).isEqualTo("site");
    assertThat(handlerOf("GET", "/v2/topology")).isEqualTo("topology");
    assertThat(handlerOf("POST", "/rollouts/3/explode")).isNull();
    assertThat(handlerOf("GET", "/v2/nothing/here")).isNull();
  }

  @Test
  void aPathWithEscapesIsComparedWithEveryMappingAsSpringDoes() throws Exception {
    // "%69" is "i": the pattern matches the decoded segment, which the raw path's prefix would not show
    assertThat(handlerOf("POST", "/v2/jobs/7/complet%69on")).isEqualTo("completeJob");
    assertThat(handlerOf("POST", "/v2/j%6Fbs/7/completion")).isEqualTo("completeJob");
  }

  @Test
  void readsTheRequestOnlyForTheMappingsItsPathCouldMatch() throws Exception {
    RequestMappingHandlerMapping springsOwn = new RequestMappingHandlerMapping();
    springsOwn.setApplicationContext(context);
    springsOwn.afterPropertiesSet();
    CountingRequest bySpring = new CountingRequest("POST", "/v2/jobs/7/completion");
    CountingRequest filtered = new CountingRequest("POST", "/v2/jobs/7/completion");

    assertThat(springsOwn.getHandler(bySpring)).isNotNull();
    assertThat(mapping.getHandler(filtered)).isNotNull();

    // Spring compares the path with all ten mappings in full (36 reads of the method on this Spring); the filter
    // with three: the two under /v2/jobs/ and "/{siteId}", whose literal start "/" every path has (13 reads)
    assertThat(filtered.methodReads.get() * 2).isLessThan(bySpring.methodReads.get());
  }

  private String handlerOf(String method, String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    HandlerExecutionChain chain = mapping.getHandler(request);
    return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
  }

  /** A request that counts how often its method is read (Spring reads it for each mapping it compares in full). */
  private static final class CountingRequest extends MockHttpServletRequest {
    final AtomicInteger methodReads = new AtomicInteger();

    CountingRequest(String method, String path) {
      super(method, path);
    }

    @Override
    public String getMethod() {
      methodReads.incrementAndGet();
      return super.getMethod();
    }
  }
}
