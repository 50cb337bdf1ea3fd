package io.milepost.host.security;

import io.camunda.client.CredentialsProvider;
import org.springframework.stereotype.Component;

/**
 * What the host's step workers authenticate with against this host's own API over the loopback: the
 * internal worker, whatever the authentication method. Against another address they present
 * {@code milepost.worker.auth.*} instead ({@code io.milepost.host.step.WorkerAuthProperties}).
 */
@Component
public final class WorkerCredentials {

  private final InternalWorker internalWorker;

  WorkerCredentials(InternalWorker internalWorker) {
    this.internalWorker = internalWorker;
  }

  /** The credentials for this host's own API over the loopback. */
  public CredentialsProvider ownApi() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().applyEnvironmentOverrides(false)
        .username(internalWorker.username()).password(internalWorker.password()).build();
  }
}
