package io.milepost.host.security;

/** {@code milepost.security.authentication.method}. */
public enum AuthenticationMethod {
  /** Users from configuration, HTTP basic on the API, a login form on the pages. */
  BASIC,
  /** JWT bearer tokens from an OIDC issuer on the API. */
  OIDC,
  /** Development only: every caller is an anonymous administrator. */
  NONE
}
