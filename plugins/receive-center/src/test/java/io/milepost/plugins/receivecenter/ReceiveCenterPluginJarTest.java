package io.milepost.plugins.receivecenter;

import static io.milepost.plugin.api.BuildingType.RECEIVE_CENTER;

import io.milepost.plugin.testkit.PluginJarContract;
import java.util.Map;
import java.util.Set;

class ReceiveCenterPluginJarTest extends PluginJarContract {

  ReceiveCenterPluginJarTest() {
    super("receive-center", Map.of(
        "fulfillment.receive", Set.of(RECEIVE_CENTER),
        "fulfillment.allocate", Set.of(RECEIVE_CENTER),
        "fulfillment.transfer", Set.of(RECEIVE_CENTER),
        "fulfillment.release", Set.of(RECEIVE_CENTER)));
  }
}
