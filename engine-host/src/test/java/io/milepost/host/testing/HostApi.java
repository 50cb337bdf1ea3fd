package io.milepost.host.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host's {@code /api} over real HTTP, as {@code demo:demo} (the bootstrap admin once security is on):
 * JSON in and out, and multipart uploads.
 */
public final class HostApi {

  public static final String AUTHORIZATION = "Basic ZGVtbzpkZW1v";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  public HostApi(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response: status and body. */
  public record Answer(int status, String body) {

    public Map<String, Object> json() {
      return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
    }

    public List<Map<String, Object>> jsonList() {
      return JSON.readValue(body, new TypeReference<List<Map<String, Object>>>() {});
    }
  }

  public Answer get(String path) {
    return send(request(path).GET().build());
  }

  public Answer post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body))).build());
  }

  /** POST multipart/form-data with a {@code file} part and the given text fields. */
  public Answer upload(String path, String fileName, byte[] file, Map<String, String> fields) {
    String boundary = "----milepost" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n"));
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/java-archive\r\n\r\n");
    body.writeBytes(file);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", AUTHORIZATION);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
