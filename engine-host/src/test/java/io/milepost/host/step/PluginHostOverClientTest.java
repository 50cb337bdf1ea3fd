package io.milepost.host.step;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scenarios of {@link PluginHostIntegrationTest} with the step workers on the official client's transport. */
class PluginHostOverClientTest extends PluginHostIntegrationTest {

  @DynamicPropertySource
  static void overTheClient(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data-over-client").toString());
    registry.add("milepost.worker.in-process", () -> "false");
  }

  @Override
  boolean workersPoll() {
    return true;
  }
}
