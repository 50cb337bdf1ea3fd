package io.milepost.host.api;

import io.milepost.engine.api.CommandTimeoutException;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API is {@code application/problem+json} with type, title, status, detail and
 * instance: the official client turns exactly that into a {@code ProblemException} carrying the
 * detail (any other error body surfaces as a malformed response).
 */
@RestControllerAdvice
final class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String RETRY_AFTER_SECONDS = "1";

  @ExceptionHandler(RejectionException.class)
  ResponseEntity<ApiProblem> rejected(RejectionException rejection, HttpServletRequest request) {
    HttpStatus status = switch (rejection.type()) {
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case INVALID_STATE -> HttpStatus.CONFLICT;
      case RESOURCE_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
    };
    ResponseEntity<ApiProblem> answer = problem(status, rejection.type().name(), rejection.getMessage(), request);
    if (rejection.type() == RejectionType.RESOURCE_EXHAUSTED) {
      // back-pressure: tell clients when to come back instead of letting them retry at once
      return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }
    return answer;
  }

  @ExceptionHandler(CommandTimeoutException.class)
  ResponseEntity<ApiProblem> timedOut(CommandTimeoutException timeout, HttpServletRequest request) {
    return problem(HttpStatus.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED", timeout.getMessage(), request);
  }

  /** The store is down or restarting: a clear, retryable 503 (the driver's text stays in the log). */
  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<ApiProblem> storeUnavailable(StoreUnavailableException outage, HttpServletRequest request) {
    LOG.warn("Answered {} {} with 503: {}", request.getMethod(), request.getRequestURI(), outage.getMessage(),
        outage.getCause());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", outage.getMessage(), request.getRequestURI()));
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiProblem> refused(ApiException refusal, HttpServletRequest request) {
    return problem(refusal.status(), refusal.title(), refusal.getMessage(), request);
  }

  /**
   * A bug of ours: the caller learns an error id and nothing of the exception (its text may hold driver or
   * file-system details); the log has the stack trace under the same id.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiProblem> unexpected(Exception failure, HttpServletRequest request) {
    OutOfMemoryError outOfMemory = HeapExhaustion.causeIn(failure);
    if (outOfMemory != null) {
      return heapExhausted(outOfMemory, request);
    }
    String errorId = ErrorIds.next();
    LOG.error("Unexpected failure answering {} {} (error id {})", request.getMethod(), request.getRequestURI(), errorId,
        failure);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", ErrorIds.detail(errorId), request);
  }

  /**
   * The heap ran out while answering (Spring hands the Error on wrapped in a ServletException, a driver may wrap
   * it too; {@link HeapExhaustionFilter} catches what a servlet filter threw): a retryable 503 rather than a 500;
   * the official client retries it after {@code Retry-After}.
   */
  static ResponseEntity<ApiProblem> heapExhausted(OutOfMemoryError outOfMemory, HttpServletRequest request) {
    LOG.warn("Answered {} {} with 503: the heap ran out ({})", request.getMethod(), request.getRequestURI(),
        outOfMemory.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", HeapExhaustion.detail(outOfMemory),
            request.getRequestURI()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException unreadable, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    RequestTooLargeException tooLarge = causeOfType(unreadable, RequestTooLargeException.class);
    if (tooLarge != null) {
      return asObject(problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLarge.getMessage(),
          ((ServletWebRequest) request).getRequest()));
    }
    Throwable cause = unreadable.getMostSpecificCause();
    String found = cause == null || cause == unreadable ? unreadable.getMessage() : cause.getMessage();
    return asObject(problem(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT",
        "Expected a JSON request body matching the endpoint, but could not read it: " + firstLine(found),
        ((ServletWebRequest) request).getRequest()));
  }

  /** The other Spring MVC errors (unknown path, wrong method, missing part, upload too large): keep their status, name the request. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> answer = super.handleExceptionInternal(failure, body, headers, status, request);
    if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
      if (problem.getInstance() == null) {
        problem.setInstance(URI.create(((ServletWebRequest) request).getRequest().getRequestURI()));
      }
      return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ApiProblem.of(problem));
    }
    return answer;
  }

  static ResponseEntity<ApiProblem> problem(HttpStatusCode status, String title, String detail,
      HttpServletRequest request) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ApiProblem.of(status, title, detail, request.getRequestURI()));
  }

  @SuppressWarnings("unchecked")
  private static ResponseEntity<Object> asObject(ResponseEntity<?> answer) {
    return (ResponseEntity<Object>) answer;
  }

  /** The first throwable of {@code type} in the cause chain, or null. */
  static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no details";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
