package io.milepost.host.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an OutOfMemoryError that a servlet filter threw (Spring Security's chain, say) as {@link ApiExceptionHandler}
 * answers one a controller threw: 503 problem+json with {@code Retry-After}. Such an Error never reaches the
 * handler, and Tomcat's own error handling would make it a 500. First in the chain, so it wraps every other filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class HeapExhaustionFilter extends OncePerRequestFilter {

  private final JsonMapper json;

  HeapExhaustionFilter(JsonMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException | Error failure) {
      OutOfMemoryError outOfMemory = HeapExhaustion.causeIn(failure);
      if (outOfMemory == null || response.isCommitted()) {
        throw failure;
      }
      answer(ApiExceptionHandler.heapExhausted(outOfMemory, request), response);
    }
  }

  private void answer(ResponseEntity<ApiProblem> answer, HttpServletResponse response) throws IOException {
    response.reset();
    response.setStatus(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.getOutputStream().write(json.writeValueAsBytes(answer.getBody()));
  }
}
