package io.milepost.host.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the pages, over plain HTTP: signs in through the login form (with its CSRF token) and
 * keeps the session cookie, for page checks that need no script (a real browser is {@code web.Browser}).
 */
public final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final String base;

  private PageSession(String base) {
    this.base = base;
  }

  /** Signs in as {@code username}; throws when the login form refuses. */
  public static PageSession signIn(int port, String username, String password) {
    PageSession session = new PageSession("http://localhost:" + port);
    Matcher csrf = CSRF.matcher(session.get("/login").body());
    if (!csrf.find()) {
      throw new IllegalStateException("Expected a CSRF token on the login page, but found none");
    }
    HttpResponse<String> landed = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("username=" + encoded(username) + "&password=" + encoded(password)
            + "&_csrf=" + encoded(csrf.group(1))))
        .build(), BodyHandlers.ofString());
    if (landed.statusCode() != 200 || landed.uri().getPath().startsWith("/login")) {
      throw new IllegalStateException("Expected " + username + " to sign in, but the answer was "
          + landed.statusCode() + " at " + landed.uri());
    }
    return session;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).build(), BodyHandlers.ofString());
  }

  /** Opens a server-sent-event stream; its lines arrive in the returned queue as the server writes them. */
  public BlockingQueue<String> events(String path) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").build(),
        BodyHandlers.ofLines()).thenAccept(response -> {
          lines.add("status:" + response.statusCode());
          response.body().forEach(lines::add);
        });
    return lines;
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
