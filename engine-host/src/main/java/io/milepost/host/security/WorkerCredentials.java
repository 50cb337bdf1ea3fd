package io.milepost.host.security;

import io.camunda.client.CredentialsProvider;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the host's step workers authenticate with: against this host's own API the internal worker,
 * whatever the authentication method; against another address the {@code milepost.worker.*} credentials.
 */
@Component
public final class WorkerCredentials {

  private final InternalWorker internalWorker;
  private final WorkerCredentialsProperties remote;

  WorkerCredentials(InternalWorker internalWorker, WorkerCredentialsProperties remote) {
    this.internalWorker = internalWorker;
    this.remote = remote;
  }

  /** The credentials for this host's own API over the loopback. */
  public CredentialsProvider ownApi() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().applyEnvironmentOverrides(false)
        .username(internalWorker.username()).password(internalWorker.password()).build();
  }

  /** The credentials for another address, or empty to leave them to the client's environment variables. */
  public Optional<CredentialsProvider> remote() {
    if (remote.username() != null) {
      return Optional.of(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().applyEnvironmentOverrides(false)
          .username(remote.username()).password(remote.password() == null ? "" : remote.password()).build());
    }
    if (remote.clientId() != null) {
      var oauth = CredentialsProvider.newCredentialsProviderBuilder().applyEnvironmentOverrides(false)
          .clientId(remote.clientId()).clientSecret(remote.clientSecret()).audience(remote.audience());
      if (remote.authorizationServerUrl() != null) {
        oauth.authorizationServerUrl(remote.authorizationServerUrl().toString());
      }
      return Optional.of(oauth.build());
    }
    return Optional.empty();
  }
}
