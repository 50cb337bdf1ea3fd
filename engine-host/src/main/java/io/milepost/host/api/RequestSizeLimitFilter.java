package io.milepost.host.api;

import io.milepost.host.MilepostProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API request bodies over {@code milepost.limits}: at once when the Content-Length says so,
 * otherwise as soon as the body read grows past the limit. Deployments (multipart) have their own,
 * larger limit. Answers 413 as problem+json, like every other API error.
 */
@Component
final class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final DataSize maxRequestSize;
  private final DataSize maxDeploymentSize;
  private final JsonMapper json;

  RequestSizeLimitFilter(MilepostProperties properties, JsonMapper json) {
    this.maxRequestSize = properties.limits().maxRequestSize();
    this.maxDeploymentSize = properties.limits().maxDeploymentSize();
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/v2/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
    long limit = (multipart ? maxDeploymentSize : maxRequestSize).toBytes();
    String what = multipart ? "milepost.limits.max-deployment-size" : "milepost.limits.max-request-size";
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(request, response, "Expected a request body of at most " + limit + " bytes (" + what
          + "), but it was " + declared + " bytes");
      return;
    }
    chain.doFilter(multipart ? request : new LimitedRequest(request, limit, what), response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    ApiProblem problem = ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", detail,
        request).getBody();
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }

  /** Counts the bytes read from the body and fails the read past the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final String limitName;
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request, long limit, String limitName) {
      super(request);
      this.limit = limit;
      this.limitName = limitName;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream(), limit, limitName);
      }
      return limited;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long limit;
    private final String limitName;
    private long read;

    LimitedInputStream(ServletInputStream body, long limit, String limitName) {
      this.body = body;
      this.limit = limit;
      this.limitName = limitName;
    }

    @Override
    public int read() throws IOException {
      int next = body.read();
      if (next >= 0) {
        count(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = body.read(buffer, offset, length);
      if (count > 0) {
        count(count);
      }
      return count;
    }

    private void count(int bytes) throws RequestTooLargeException {
      read += bytes;
      if (read > limit) {
        throw new RequestTooLargeException("Expected a request body of at most " + limit + " bytes (" + limitName
            + "), but it was longer");
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
