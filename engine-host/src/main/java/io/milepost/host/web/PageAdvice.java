package io.milepost.host.web;

import io.milepost.engine.api.RejectionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * What every page gets: the user and the path (for the navigation), and errors rendered as a page rather
 * than the API's problem+json (the API's advice would otherwise answer for page controllers too).
 */
@ControllerAdvice(basePackages = "io.milepost.host.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PageAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(PageAdvice.class);

  private final PageUsers users;
  /** False on a worker node: no embedded engine, so no task list and no operations pages to link to. */
  private final boolean engineHere;

  PageAdvice(PageUsers users, @Value("${milepost.engine.enabled:true}") boolean engineHere) {
    this.users = users;
    this.engineHere = engineHere;
  }

  @ModelAttribute
  void common(HttpServletRequest request, Model model) {
    model.addAttribute("user", users.current());
    model.addAttribute("engineHere", engineHere);
    model.addAttribute("path", request.getRequestURI());
    model.addAttribute("authenticated", request.getUserPrincipal() != null);
  }

  @ExceptionHandler(PageNotFoundException.class)
  String notFound(PageNotFoundException missing, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return error(missing.getMessage(), request, model);
  }

  @ExceptionHandler(RejectionException.class)
  String rejected(RejectionException rejection, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return error(rejection.getMessage(), request, model);
  }

  /** A browser left a page that watched live events; nothing to answer. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void browserLeft() {}

  @ExceptionHandler(Exception.class)
  String unexpected(Exception failure, HttpServletRequest request, HttpServletResponse response, Model model) {
    LOG.error("Unexpected failure rendering {} {}", request.getMethod(), request.getRequestURI(), failure);
    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    return error(null, request, model);
  }

  private String error(String message, HttpServletRequest request, Model model) {
    common(request, model);
    model.addAttribute("message", message);
    return "error";
  }
}
