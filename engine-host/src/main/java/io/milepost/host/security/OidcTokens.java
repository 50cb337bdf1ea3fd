package io.milepost.host.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The decoder of method {@code oidc}: the issuer's signing keys come from its discovery document, fetched
 * when the first token arrives rather than at start (so the host starts while the identity provider is
 * still coming up, and retries it on the next token if it was not there); a token must be signed by those
 * keys, name the configured issuer, be within its validity (60 s of clock skew) and, when an audience is
 * configured, be meant for it.
 */
final class OidcTokens implements JwtDecoder {

  private final SecurityProperties.Oidc oidc;
  private volatile JwtDecoder decoder;

  private OidcTokens(SecurityProperties.Oidc oidc) {
    this.oidc = oidc;
  }

  static JwtDecoder decoder(SecurityProperties.Oidc oidc) {
    if (oidc.issuerUri() == null) {
      throw new IllegalArgumentException("Expected milepost.security.oidc.issuer-uri with authentication method oidc,"
          + " but it is not set");
    }
    return new OidcTokens(oidc);
  }

  @Override
  public Jwt decode(String token) {
    JwtDecoder resolved = decoder;
    if (resolved == null) {
      synchronized (this) {
        if (decoder == null) {
          decoder = fromIssuer();
        }
        resolved = decoder;
      }
    }
    return resolved.decode(token);
  }

  private JwtDecoder fromIssuer() {
    String issuer = oidc.issuerUri().toString();
    NimbusJwtDecoder fromIssuer;
    try {
      fromIssuer = NimbusJwtDecoder.withIssuerLocation(issuer).build();
    } catch (RuntimeException e) {
      throw new JwtException("Expected the OIDC issuer " + issuer + " to publish its configuration, but could not"
          + " read it: " + e.getMessage(), e);
    }
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(issuer));
    if (oidc.audience() != null && !oidc.audience().isBlank()) {
      validators.add(new JwtClaimValidator<List<String>>("aud",
          audiences -> audiences != null && audiences.contains(oidc.audience())));
    }
    fromIssuer.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return fromIssuer;
  }
}
