package io.milepost.host.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code milepost.security.*}. The property names are a contract (the README and operators rely on them).
 *
 * @param users the users of method {@code basic} (and of the login form); empty: the bootstrap user
 *     {@code demo}/{@code demo} with role admin, as Camunda 8 Run has
 * @param oidc the token issuer of method {@code oidc}
 * @param login how failed logins are slowed down and then refused
 */
@ConfigurationProperties("milepost.security")
public record SecurityProperties(
    @DefaultValue Authentication authentication,
    List<User> users,
    @DefaultValue Oidc oidc,
    @DefaultValue Login login) {

  public SecurityProperties {
    users = users == null || users.isEmpty() ? List.of(User.BOOTSTRAP) : List.copyOf(users);
  }

  public record Authentication(@DefaultValue("basic") AuthenticationMethod method) {}

  /**
   * @param password plain, or encoded with its id in front ({@code {bcrypt}$2a$...})
   * @param roles admin, engineer, leader, associate, worker
   */
  public record User(String username, String password, List<String> roles, List<String> sites, List<String> regions) {

    static final User BOOTSTRAP = new User("demo", "demo", List.of("admin"), List.of(), List.of());

    public User {
      roles = roles == null ? List.of() : List.copyOf(roles);
      sites = sites == null ? List.of() : List.copyOf(sites);
      regions = regions == null ? List.of() : List.copyOf(regions);
    }
  }

  /**
   * @param issuerUri the issuer tokens must name ({@code iss}); its {@code .well-known/openid-configuration}
   *     gives the signing keys, fetched on the first token
   * @param audience when set, tokens must list it in {@code aud}
   * @param usernameClaim the claim naming the user (client-credentials tokens carry the client id in {@code sub})
   * @param rolesClaim the claim with the roles (a list, or one string separated by spaces or commas)
   * @param sitesClaim the claim with the site ids of an associate
   * @param regionsClaim the claim with the regions of a leader
   */
  public record Oidc(
      URI issuerUri,
      String audience,
      @DefaultValue("sub") String usernameClaim,
      @DefaultValue("roles") String rolesClaim,
      @DefaultValue("sites") String sitesClaim,
      @DefaultValue("regions") String regionsClaim) {}

  /**
   * @param slowAfter failed logins of one user after which each further attempt waits a while
   * @param refuseAfter failed logins of one user after which attempts are refused (429) for {@code refuseFor}
   * @param refuseFor how long a user stays refused
   */
  public record Login(
      @DefaultValue("3") int slowAfter,
      @DefaultValue("10") int refuseAfter,
      @DefaultValue("5m") Duration refuseFor) {}
}
