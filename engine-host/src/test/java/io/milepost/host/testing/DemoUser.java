package io.milepost.host.testing;

import io.camunda.client.CredentialsProvider;

/**
 * The bootstrap user {@code demo}/{@code demo} (admin) that a host without configured users has: what the
 * tests that are not about security authenticate as, since basic authentication is on by default.
 */
public final class DemoUser {

  /** {@code Authorization} header value for plain HTTP requests. */
  public static final String AUTHORIZATION = "Basic ZGVtbzpkZW1v";

  private DemoUser() {}

  /** For the official client's {@code credentialsProvider(...)}. */
  public static CredentialsProvider credentials() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().applyEnvironmentOverrides(false)
        .username("demo").password("demo").build();
  }
}
