package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The gRPC gateway's Netty runs on its native epoll transport on Linux x86-64 (grpc-netty takes it when it loads, and
 * falls back to NIO without a word when it does not): NIO's selector made the event loops wait on its wake-up lock
 * (benchmarks/NOTES.md, stop 45). The transport's classes are a runtime dependency, hence the reflection.
 */
class NativeTransportTest {

  @Test
  void shouldLoadNettysEpollTransportOnLinuxX86() throws ReflectiveOperationException {
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
        "the native transport is shipped for Linux x86-64 only");

    Class<?> epoll = epollClass();
    boolean available = (Boolean) epoll.getMethod("isAvailable").invoke(null);

    assertThat(available)
        .as("Netty's epoll transport loads; why not: %s", epoll.getMethod("unavailabilityCause").invoke(null))
        .isTrue();
  }

  private static Class<?> epollClass() {
    try {
      return Class.forName("io.netty.channel.epoll.Epoll");
    } catch (ClassNotFoundException e) {
      throw new AssertionError("Expected Netty's epoll transport (netty-transport-native-epoll) on the class path, "
          + "but it is not there", e);
    }
  }
}
