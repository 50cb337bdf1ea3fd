package io.milepost.host.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credentials the host's step workers present when {@code milepost.worker.rest-address} points at
 * another Milepost or a Camunda 8 cluster: a username and password (basic), or an OAuth client
 * (client id, secret, token URL, audience). Unset: the client's own {@code CAMUNDA_*} environment variables.
 */
@ConfigurationProperties("milepost.worker")
public record WorkerCredentialsProperties(
    String username,
    String password,
    String clientId,
    String clientSecret,
    URI authorizationServerUrl,
    String audience) {}
