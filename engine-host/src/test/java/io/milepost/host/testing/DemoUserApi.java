package io.milepost.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The host's HTTP API and the official Camunda client as a user reaches them, authenticated as demo:demo. */
public final class DemoUserApi {

  static final String BASIC_DEMO = "Basic ZGVtbzpkZW1v";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;

  public DemoUserApi(int port) {
    this.port = port;
  }

  public CamundaClient client() {
    return CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username("demo")
            .password("demo").build())
        .build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> postCsv(String path, String csv) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  public HttpResponse<String> putCsv(String path, String csv) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
        .PUT(HttpRequest.BodyPublishers.ofString(csv)));
  }

  public Map<String, Object> json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isBetween(200, 299);
    return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
  }

  /** The items of a paged answer. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> items(String path) {
    return (List<Map<String, Object>>) json(get(path)).get("items");
  }

  /** A JSON array answer. */
  public List<Map<String, Object>> list(String path) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
    return JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {});
  }

  /** The position of a SKU at a site as GET /api/inventory shows it; zeros when it has none. */
  public Map<String, Object> position(String siteId, String sku) {
    List<Map<String, Object>> items = items("/api/inventory?siteId=" + siteId + "&sku=" + sku);
    return items.isEmpty() ? Map.of("onHand", 0, "reserved", 0, "inTransit", 0) : items.getFirst();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request.header("Authorization", BASIC_DEMO).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
