package io.milepost.testauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OAuth2 authorization server (Spring Authorization Server) in the test's JVM, issuing
 * client-credentials tokens whose claims carry Milepost's roles and sites. Its own package, outside
 * {@code io.milepost.host}, so the host's component scan never sees it. Two clients misbehave on purpose:
 * one gets tokens naming another issuer, one gets tokens that expired minutes ago.
 */
public final class TestAuthorizationServer {

  public static final String OPS_CLIENT = "ops-client";
  public static final String ASSOCIATE_CLIENT = "associate-client";
  public static final String WRONG_ISSUER_CLIENT = "wrong-issuer-client";
  public static final String EXPIRED_CLIENT = "expired-client";

  private final ConfigurableApplicationContext context;

  private TestAuthorizationServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts on a free port; its own configuration name keeps the host's application.yaml out. */
  public static TestAuthorizationServer start() {
    return new TestAuthorizationServer(new SpringApplicationBuilder(Config.class)
        .properties("server.port=0", "spring.config.name=test-authorization-server", "spring.main.banner-mode=off",
            "spring.jmx.enabled=false")
        .run());
  }

  /** Each client's secret (the server refuses two clients with one secret). */
  public static String secretOf(String clientId) {
    return clientId + "-secret";
  }

  /** The issuer, as the server names itself in its tokens and discovery document. */
  public String issuer() {
    return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String tokenUrl() {
    return issuer() + "/oauth2/token";
  }

  public void stop() {
    context.close();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Config {

    @Bean
    RegisteredClientRepository registeredClients() {
      return new InMemoryRegisteredClientRepository(client(OPS_CLIENT), client(ASSOCIATE_CLIENT),
          client(WRONG_ISSUER_CLIENT), client(EXPIRED_CLIENT));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> milepostClaims() {
      return token -> {
        var claims = token.getClaims();
        switch (token.getRegisteredClient().getClientId()) {
          case OPS_CLIENT -> claims.claim("roles", List.of("engineer", "worker"));
          case ASSOCIATE_CLIENT -> claims.claim("roles", "associate").claim("sites", List.of("fc-west-1"));
          case WRONG_ISSUER_CLIENT -> claims.claim("roles", List.of("admin")).issuer("http://wrong-issuer.example");
          case EXPIRED_CLIENT -> {
            Instant issued = Instant.now().minus(Duration.ofMinutes(10));
            claims.claim("roles", List.of("admin")).issuedAt(issued).notBefore(issued)
                .expiresAt(issued.plus(Duration.ofMinutes(2)));
          }
          default -> { }
        }
      };
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() throws Exception {
      RSAKey key = new RSAKeyGenerator(2048).keyID("test-key").generate();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static RegisteredClient client(String clientId) {
      return RegisteredClient.withId(clientId).clientId(clientId).clientSecret("{noop}" + secretOf(clientId))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .build();
    }
  }
}
