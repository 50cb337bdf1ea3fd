package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.milepost.host.step.WorkerAuthProperties.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The credentials a worker node's step workers present to the Camunda 8 API they work for, built by the
 * official client from {@code milepost.worker.auth.*}: basic, or an OAuth token fetched with the client
 * credentials from the identity provider's token endpoint (here a JDK HTTP server standing in for it).
 */
class WorkerAuthPropertiesTest {

  @Test
  void shouldSendBasicCredentials() throws Exception {
    WorkerAuthProperties auth = new WorkerAuthProperties(Method.BASIC, "demo", "demo", null, null, null, null, null);

    assertThat(headersOf(auth)).containsEntry("Authorization", "Basic ZGVtbzpkZW1v");
  }

  @Test
  void shouldFetchATokenWithTheClientCredentialsAndSendItAsBearer() throws Exception {
    List<String> tokenRequests = new CopyOnWriteArrayList<>();
    HttpServer identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    identityProvider.createContext("/token", exchange -> {
      tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = "{\"access_token\":\"token-42\",\"token_type\":\"Bearer\",\"expires_in\":300}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    identityProvider.start();
    // the client caches tokens per client id on disk: a fresh id makes it ask the endpoint
    String clientId = "milepost-" + Long.toHexString(System.nanoTime());
    try {
      WorkerAuthProperties auth = new WorkerAuthProperties(Method.OIDC, null, null, clientId, "s3cret",
          "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/token", "zeebe-api", null);

      assertThat(headersOf(auth)).containsEntry("Authorization", "Bearer token-42");
      assertThat(tokenRequests).singleElement().asString()
          .contains("client_id=" + clientId, "client_secret=s3cret", "grant_type=client_credentials",
              "audience=zeebe-api");
    } finally {
      identityProvider.stop(0);
    }
  }

  @Test
  void shouldRefuseOidcWithoutItsClientSecret() {
    assertThatThrownBy(() -> new WorkerAuthProperties(Method.OIDC, null, null, "milepost", null,
        "https://idp.example.com/token", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected milepost.worker.auth.client-secret to be set since milepost.worker.auth.method is "
            + "oidc, but it was empty");
  }

  @Test
  void shouldLeaveTheClientsDefaultWithoutAMethod() {
    assertThat(new WorkerAuthProperties(Method.NONE, null, null, null, null, null, null, null).credentialsProvider())
        .isEmpty();
  }

  private static Map<String, String> headersOf(WorkerAuthProperties auth) throws Exception {
    Map<String, String> headers = new HashMap<>();
    auth.credentialsProvider().orElseThrow().applyCredentials(headers::put);
    return headers;
  }
}
