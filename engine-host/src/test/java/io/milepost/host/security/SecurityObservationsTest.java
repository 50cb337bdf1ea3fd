package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An API call is observed once, as {@code http.server.requests}, not once more per security filter,
 * authentication and authorization (which cost about a tenth of the request threads' CPU, see
 * benchmarks/NOTES.md).
 */
class SecurityObservationsTest extends SecurityTestSupport {

  @Autowired
  MeterRegistry meters;

  @Test
  void shouldObserveAnApiCallAsAnHttpRequestButNotPerSecurityStep() {
    int first = get("/v2/topology", authorization("demo", "demo")).statusCode();
    int second = get("/v2/topology", authorization("demo", "demo")).statusCode();

    assertThat(first).isEqualTo(200);
    assertThat(second).isEqualTo(200);
    assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
    assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith("spring.security."));
  }
}
