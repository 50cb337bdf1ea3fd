package io.milepost.host.api;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem+json body of every API error. A record rather than Spring's {@link ProblemDetail},
 * whose JSON leaves out {@code type} when it is {@code about:blank}; Camunda's API always sends it.
 */
public record ApiProblem(String type, String title, int status, String detail, String instance) {

  static final String DEFAULT_TYPE = "about:blank";

  static ApiProblem of(HttpStatusCode status, String title, String detail, String instance) {
    return new ApiProblem(DEFAULT_TYPE, title, status.value(), detail, instance);
  }

  static ApiProblem of(ProblemDetail problem) {
    return new ApiProblem(problem.getType() == null ? DEFAULT_TYPE : problem.getType().toString(), problem.getTitle(),
        problem.getStatus(), problem.getDetail(), problem.getInstance() == null ? null : problem.getInstance().toString());
  }
}
