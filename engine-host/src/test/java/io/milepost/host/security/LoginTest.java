package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The pages' form login with CSRF, the API called from a signed-in page, and failed logins slowed then refused. */
@ExtendWith(OutputCaptureExtension.class)
class LoginTest extends SecurityTestSupport {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void shouldSendAPageVisitorToTheLoginFormAndSignInWithTheCsrfToken() throws Exception {
    HttpResponse<String> page = browse(HttpRequest.newBuilder(url("/")).build());
    String token = csrfToken();

    HttpResponse<String> withoutToken = browse(form("/login", "username=demo&password=demo"));
    HttpResponse<String> wrongPassword = browse(form("/login", "username=demo&password=nope&_csrf=" + encoded(token)));
    HttpResponse<String> signedIn = browse(form("/login", "username=demo&password=demo&_csrf=" + encoded(csrfToken())));

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location ->
        assertThat(location).endsWith("/login"));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(wrongPassword.headers().firstValue("Location")).hasValueSatisfying(location ->
        assertThat(location).endsWith("/login?error"));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
  }

  @Test
  void shouldLetASignedInPageCallTheApiWithItsSessionAndCsrfToken() throws Exception {
    browse(form("/login", "username=eng&password=eng-pass&_csrf=" + encoded(csrfToken())));
    String token = csrfToken();

    HttpResponse<String> read = browse(HttpRequest.newBuilder(url("/v2/topology")).build());
    HttpResponse<String> withoutToken = browse(json("/v2/process-instances/search", null));
    HttpResponse<String> withToken = browse(json("/v2/process-instances/search", token));
    HttpResponse<String> signedOut = browse(form("/logout", "_csrf=" + encoded(token)));
    HttpResponse<String> afterSignOut = browse(HttpRequest.newBuilder(url("/v2/topology")).build());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("Expected the page's CSRF token");
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(afterSignOut.statusCode()).isEqualTo(401);
  }

  @Test
  void shouldSlowDownAndThenRefuseAUserAfterRepeatedFailedLoginsAndLogThem(CapturedOutput output) {
    String wrong = authorization("tom", "wrong");

    int[] failures = {get("/v2/topology", wrong).statusCode(), get("/v2/topology", wrong).statusCode(),
        get("/v2/topology", wrong).statusCode()};
    HttpResponse<String> refused = get("/v2/topology", authorization("tom", "tom-pass"));

    assertThat(failures).containsOnly(401);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains("Too many failed logins for user 'tom'");
    assertThat(output.getOut()).contains("Login failed for user 'tom'")
        .contains("(3 failures in a row): refusing this user for PT1M");
  }

  private String csrfToken() throws Exception {
    HttpResponse<String> login = browse(HttpRequest.newBuilder(url("/login")).build());
    assertThat(login.statusCode()).isEqualTo(200);
    Matcher token = CSRF.matcher(login.body());
    assertThat(token.find()).as("a CSRF field in %s", login.body()).isTrue();
    return token.group(1);
  }

  private HttpRequest form(String path, String body) {
    return HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest json(String path, String csrfToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (csrfToken != null) {
      request.header("X-CSRF-TOKEN", csrfToken);
    }
    return request.build();
  }

  private HttpResponse<String> browse(HttpRequest request) throws Exception {
    return browser.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
