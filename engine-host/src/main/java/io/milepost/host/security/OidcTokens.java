package io.milepost.host.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The decoder of method {@code oidc}: the issuer's signing keys come from its discovery document, fetched
 * when the first token arrives (so the host starts while the identity provider is still coming up); a
 * token must be signed by them, name the configured issuer, be within its validity (60 s of clock skew)
 * and, when an audience is configured, be meant for it.
 */
final class OidcTokens {

  private OidcTokens() {}

  static JwtDecoder decoder(SecurityProperties.Oidc oidc) {
    if (oidc.issuerUri() == null) {
      throw new IllegalArgumentException("Expected milepost.security.oidc.issuer-uri with authentication method oidc,"
          + " but it is not set");
    }
    String issuer = oidc.issuerUri().toString();
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(issuer));
    if (oidc.audience() != null && !oidc.audience().isBlank()) {
      validators.add(new JwtClaimValidator<List<String>>("aud",
          audiences -> audiences != null && audiences.contains(oidc.audience())));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder;
  }
}
