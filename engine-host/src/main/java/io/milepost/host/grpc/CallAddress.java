package io.milepost.host.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;

/**
 * Makes the address a call came in on available to the RPC: the topology reports the host the client
 * dialled and the port it reached as the broker's address (as the REST topology reports the request's
 * server name), which is right even when the port was chosen at random.
 */
final class CallAddress implements ServerInterceptor {

  private static final Context.Key<Address> ADDRESS = Context.key("milepost-call-address");

  record Address(String host, int port) {}

  /** The address of the current call; localhost and 0 outside a call. */
  static Address current() {
    Address address = ADDRESS.get();
    return address == null ? new Address("localhost", 0) : address;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    SocketAddress local = call.getAttributes().get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR);
    int port = local instanceof InetSocketAddress inet ? inet.getPort() : 0;
    Address address = new Address(hostOf(call.getAuthority()), port);
    return Contexts.interceptCall(Context.current().withValue(ADDRESS, address), call, headers, next);
  }

  private static String hostOf(String authority) {
    if (authority == null || authority.isBlank()) {
      return "localhost";
    }
    try {
      String host = URI.create("grpc://" + authority).getHost();
      return host == null ? "localhost" : host;
    } catch (IllegalArgumentException e) {
      return "localhost";
    }
  }
}
