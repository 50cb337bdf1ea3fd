package io.milepost.host.api;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint (scanned from test classes) that fails the way a bug would. */
@RestController
final class FailingTestEndpoint {

  static final String PATH = "/v2/test-only/failure";

  @PostMapping(PATH)
  void fail() {
    throw new IllegalStateException("the store is on fire");
  }
}
