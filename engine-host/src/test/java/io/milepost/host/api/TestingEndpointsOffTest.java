package io.milepost.host.api;

import org.junit.jupiter.api.Test;

/** Without {@code milepost.testing.enabled} (the default) the clock and purge endpoints do not exist. */
class TestingEndpointsOffTest extends CamundaApiTestSupport {

  @Test
  void shouldNotServeTheClockOrThePurgeUnlessTestingIsEnabled() {
    HttpResponseAssert.status(rawGet("/actuator/clock"), 404, "");
    HttpResponseAssert.status(rawPost("/actuator/clock/add", "application/json", "{\"offsetMilli\": 1000}"), 404, "");
    HttpResponseAssert.status(rawPost("/actuator/cluster/purge", "application/json", ""), 404, "");
  }
}
