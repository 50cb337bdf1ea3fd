package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** Checks a raw HTTP answer's status and that its body says what it should. */
final class HttpResponseAssert {

  private HttpResponseAssert() {}

  static void status(HttpResponse<String> response, int status, String bodyContains) {
    assertThat(response.statusCode()).as("status of %s, body %s", response.uri(), response.body()).isEqualTo(status);
    assertThat(response.body()).contains(bodyContains);
  }
}
