package io.milepost.host.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the user out of a validated token, with the claim names of {@code milepost.security.oidc.*}. A
 * claim may be a list or one string of names separated by spaces or commas (identity providers differ);
 * a role this host does not know is left out, since tokens often carry roles of other applications.
 */
final class TokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

  private static final Logger LOG = LoggerFactory.getLogger(TokenUsers.class);

  private final SecurityProperties.Oidc claims;

  TokenUsers(SecurityProperties.Oidc claims) {
    this.claims = claims;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt token) {
    return new UserAuthentication(userOf(token), token);
  }

  MilepostUser userOf(Jwt token) {
    String username = Optional.ofNullable(token.getClaimAsString(claims.usernameClaim())).orElse(token.getSubject());
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names(token, claims.rolesClaim())) {
      try {
        roles.add(Role.named(name));
      } catch (IllegalArgumentException unknown) {
        LOG.debug("Token of '{}' names role '{}', which Milepost does not have; ignored", username, name);
      }
    }
    return new MilepostUser(username, roles, names(token, claims.sitesClaim()), names(token, claims.regionsClaim()));
  }

  private static Set<String> names(Jwt token, String claim) {
    Object value = token.getClaims().get(claim);
    Set<String> names = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.forEach(item -> names.add(String.valueOf(item)));
    } else if (value instanceof String text) {
      Arrays.stream(text.split("[\\s,]+")).filter(name -> !name.isBlank()).forEach(names::add);
    }
    return names;
  }
}
