package io.milepost.host.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses before (or instead of) asking the engine; becomes a problem+json answer. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  public ApiException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static ApiException invalidArgument(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
