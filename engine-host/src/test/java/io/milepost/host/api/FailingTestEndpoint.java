package io.milepost.host.api;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint (scanned from test classes) that fails the way a bug would. */
@RestController
final class FailingTestEndpoint {

  static final String PATH = "/v2/test-only/failure";
  static final String OUT_OF_MEMORY_PATH = "/v2/test-only/out-of-memory";

  @PostMapping(PATH)
  void fail() {
    throw new IllegalStateException("the store is on fire");
  }

  /** What a request meets while a plugin exhausts the heap (the Error itself: this JVM's heap is left alone). */
  @PostMapping(OUT_OF_MEMORY_PATH)
  void runOutOfMemory() {
    throw new OutOfMemoryError("Java heap space");
  }
}
