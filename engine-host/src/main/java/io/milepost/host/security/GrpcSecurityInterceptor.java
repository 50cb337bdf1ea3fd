package io.milepost.host.security;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Authenticates every gRPC call as the REST API does (basic or bearer in the {@code authorization}
 * metadata, per the configured method) and checks the RPC's permission ({@link GrpcPermissions}). A call
 * without valid credentials ends UNAUTHENTICATED, one without the permission PERMISSION_DENIED, a user
 * refused after failed logins RESOURCE_EXHAUSTED, each with a description saying why. The caller is put in
 * Spring Security's context while the service handles the call, so {@link CurrentUser} works there too.
 */
@Component
public final class GrpcSecurityInterceptor implements ServerInterceptor {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final AuthenticationMethod method;
  private final ApiPasswordCheck passwords;
  private final ObjectProvider<JwtDecoder> tokens;
  private final TokenUsers tokenUsers;

  GrpcSecurityInterceptor(SecurityProperties properties, ApiPasswordCheck passwords, ObjectProvider<JwtDecoder> tokens) {
    this.method = properties.authentication().method();
    this.passwords = passwords;
    this.tokens = tokens;
    this.tokenUsers = new TokenUsers(properties.oidc());
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    String rpc = call.getMethodDescriptor().getBareMethodName();
    Authentication authentication;
    try {
      authentication = authenticate(headers.get(AUTHORIZATION), String.valueOf(call.getAttributes()
          .get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
    } catch (LoginRefusedException refused) {
      return refuse(call, Status.RESOURCE_EXHAUSTED.withDescription(refused.getMessage()));
    } catch (AuthenticationException | JwtException failure) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription("Expected " + expectedCredentials()
          + " in the 'authorization' metadata of " + rpc + ", but they were refused: " + failure.getMessage()));
    } catch (MissingCredentials missing) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription("Expected " + expectedCredentials()
          + " in the 'authorization' metadata of " + rpc + ", but " + missing.getMessage()));
    }
    MilepostUser user = CurrentUser.of(authentication).orElseThrow();
    Permission permission = GrpcPermissions.required(call.getMethodDescriptor());
    if (!user.may(permission)) {
      return refuse(call, Status.PERMISSION_DENIED.withDescription("Expected permission " + permission + " for "
          + rpc + ", but user '" + user.username() + "' with roles " + user.roles().stream().map(Role::configName)
          .sorted().toList() + " does not have it"));
    }
    SecurityContext context = new SecurityContextImpl(authentication);
    return new AsUser<>(within(context, () -> next.startCall(call, headers)), context);
  }

  private Authentication authenticate(String authorization, String remoteAddress) {
    if (method == AuthenticationMethod.NONE) {
      return new UserAuthentication(SecurityConfiguration.ANONYMOUS_ADMIN, null);
    }
    if (authorization == null || authorization.isBlank()) {
      throw new MissingCredentials("the call had none");
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new MissingCredentials("the Basic credentials were not Base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new MissingCredentials("the Basic credentials had no ':' between username and password");
      }
      UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
          decoded.substring(0, colon), decoded.substring(colon + 1));
      attempt.setDetails(remoteAddress);
      return passwords.manager().authenticate(attempt);
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      JwtDecoder decoder = tokens.getIfAvailable();
      if (decoder == null) {
        throw new MissingCredentials("a bearer token was sent and this host takes bearer tokens only with"
            + " milepost.security.authentication.method oidc");
      }
      return tokenUsers.convert(decoder.decode(authorization.substring(7).trim()));
    }
    throw new MissingCredentials("the metadata was neither 'Basic ...' nor 'Bearer ...'");
  }

  private String expectedCredentials() {
    return method == AuthenticationMethod.OIDC ? "a valid bearer token" : "valid basic credentials";
  }

  private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {};
  }

  private static <T> T within(SecurityContext context, Supplier<T> work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  /** Credentials that are missing or malformed, before any password or token check. */
  private static final class MissingCredentials extends RuntimeException {
    MissingCredentials(String message) {
      super(message, null, false, false);
    }
  }

  /** Runs each of the call's events with the caller in the security context (events may arrive on any thread). */
  private static final class AsUser<Q> extends SimpleForwardingServerCallListener<Q> {

    private final SecurityContext context;

    AsUser(ServerCall.Listener<Q> delegate, SecurityContext context) {
      super(delegate);
      this.context = context;
    }

    @Override
    public void onMessage(Q message) {
      within(context, () -> {
        super.onMessage(message);
        return null;
      });
    }

    @Override
    public void onHalfClose() {
      within(context, () -> {
        super.onHalfClose();
        return null;
      });
    }

    @Override
    public void onCancel() {
      within(context, () -> {
        super.onCancel();
        return null;
      });
    }

    @Override
    public void onComplete() {
      within(context, () -> {
        super.onComplete();
        return null;
      });
    }

    @Override
    public void onReady() {
      within(context, () -> {
        super.onReady();
        return null;
      });
    }
  }
}
