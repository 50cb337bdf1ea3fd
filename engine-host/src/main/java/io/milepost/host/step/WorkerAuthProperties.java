package io.milepost.host.step;

import io.camunda.client.CredentialsProvider;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the step workers authenticate to the Camunda 8 API they work for ({@code milepost.worker.auth.*}),
 * in the two ways the official client offers: basic (user and password) or OAuth client credentials
 * (a token fetched from {@code token-url} with the client id and secret, refreshed by the client).
 *
 * @param method {@code none} (the client's own default, which also reads {@code CAMUNDA_CLIENT_ID} and the
 *     other variables of the Camunda client), {@code basic} or {@code oidc}
 * @param username for basic
 * @param password for basic
 * @param clientId for oidc
 * @param clientSecret for oidc
 * @param tokenUrl for oidc: the authorization server's token endpoint
 * @param audience for oidc: the token's audience (Camunda's default is {@code zeebe-api})
 * @param scope for oidc, when the identity provider needs one
 */
@ConfigurationProperties("milepost.worker.auth")
public record WorkerAuthProperties(
    @DefaultValue("none") Method method,
    String username,
    String password,
    String clientId,
    String clientSecret,
    String tokenUrl,
    String audience,
    String scope) {

  public enum Method { NONE, BASIC, OIDC }

  public WorkerAuthProperties {
    switch (method) {
      case BASIC -> require(username, "username", "basic");
      case OIDC -> {
        require(clientId, "client-id", "oidc");
        require(clientSecret, "client-secret", "oidc");
        require(tokenUrl, "token-url", "oidc");
      }
      case NONE -> { }
    }
  }

  /** The credentials to give the client; empty leaves the client's default. */
  Optional<CredentialsProvider> credentialsProvider() {
    return switch (method) {
      case NONE -> Optional.empty();
      case BASIC -> Optional.of(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
          .username(username).password(password == null ? "" : password).build());
      case OIDC -> {
        var builder = CredentialsProvider.newCredentialsProviderBuilder()
            .clientId(clientId).clientSecret(clientSecret).authorizationServerUrl(tokenUrl)
            // what this record says wins over CAMUNDA_* variables the process may also have
            .applyEnvironmentOverrides(false);
        if (audience != null) {
          builder.audience(audience);
        }
        if (scope != null) {
          builder.scope(scope);
        }
        yield Optional.of(builder.build());
      }
    };
  }

  private static void require(String value, String name, String method) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expected milepost.worker.auth." + name + " to be set since "
          + "milepost.worker.auth.method is " + method + ", but it was empty");
    }
  }
}
