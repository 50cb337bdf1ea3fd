package io.milepost.host.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Two filter chains. The API ({@code /v2}, {@code /api}, {@code /actuator}) is stateless: each call brings
 * HTTP basic credentials or a bearer token, creates no session and needs no CSRF token; a browser page that
 * is signed in may call it with its session cookie, and then a non-GET call must carry the page's CSRF
 * token. Every API call is checked against {@link EndpointPermissions}. The pages sign in with a login
 * form over the same users, with a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final MilepostUser ANONYMOUS_ADMIN = new MilepostUser("anonymous", Set.of(Role.ADMIN), Set.of(), Set.of());
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final String[] PUBLIC_PAGES = {
      "/login", "/error", "/webjars/**", "/vendor/**", "/css/**", "/js/**", "/images/**", "/favicon.ico"};

  /**
   * No Micrometer observation per security filter, authentication and authorization. With an observation
   * registry present (actuator), Spring Security wraps each of the chain's dozen filters in an observation of its
   * own: a JFR profile of the REST job workload put about a tenth of the request threads' CPU in them, on every
   * API call. Requests stay observed once, as {@code http.server.requests}; failed logins are logged by the
   * {@link LoginThrottle}.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  LoginThrottle loginThrottle(SecurityProperties properties) {
    return new LoginThrottle(properties.login(), Clock.systemUTC());
  }

  /**
   * The configured users: the login form's, and the API's under method basic. A bean so that Spring Boot
   * does not make up a user of its own.
   */
  @Bean
  UserDirectory milepostUsers(SecurityProperties properties) {
    return UserDirectory.of(properties.users());
  }

  /** Who may call the API with a password: everyone configured under basic; under oidc only the host's own workers. */
  @Bean
  ApiPasswordCheck apiPasswordCheck(SecurityProperties properties, InternalWorker internalWorker,
      LoginThrottle throttle) {
    UserDirectory users = properties.authentication().method() == AuthenticationMethod.OIDC
        ? UserDirectory.internalOnly(internalWorker)
        : UserDirectory.of(properties.users()).withInternalWorker(internalWorker);
    return new ApiPasswordCheck(new ProviderManager(new ThrottledPasswordCheck(users, throttle)));
  }

  @Bean
  @ConditionalOnProperty(name = "milepost.security.authentication.method", havingValue = "oidc")
  JwtDecoder oidcTokenDecoder(SecurityProperties properties) {
    return OidcTokens.decoder(properties.oidc());
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, SecurityProperties properties, ApiPasswordCheck passwords,
      ObjectProvider<JwtDecoder> tokens, CurrentUser currentUser) throws Exception {
    AuthenticationMethod method = properties.authentication().method();
    ProblemResponses problems = new ProblemResponses(method, currentUser);
    http.securityMatcher("/v2/**", "/api/**", "/actuator/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().access(EndpointAuthorization.api()))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::signedInByPage))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    switch (method) {
      case BASIC -> http.authenticationManager(passwords.manager())
          .httpBasic(basic -> basic.authenticationEntryPoint(problems));
      case OIDC -> http.authenticationManager(passwords.manager())
          .httpBasic(basic -> basic.authenticationEntryPoint(problems))
          .oauth2ResourceServer(server -> server
              .jwt(jwt -> jwt.authenticationManager(tokenCheck(tokens.getObject(), properties.oidc())))
              .authenticationEntryPoint(problems)
              .accessDeniedHandler(problems));
      case NONE -> http.anonymous(anonymous -> anonymous.principal(ANONYMOUS_ADMIN)
          .authorities(RoleAuthorities.of(ANONYMOUS_ADMIN)));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pageChain(HttpSecurity http, SecurityProperties properties, UserDirectory milepostUsers,
      LoginThrottle throttle) throws Exception {
    boolean open = properties.authentication().method() == AuthenticationMethod.NONE;
    AuthenticationManager passwords = new ProviderManager(
        new ThrottledPasswordCheck(milepostUsers, throttle));
    ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
    failures.setDefaultFailureUrl("/login?error");
    failures.setExceptionMappings(Map.of(LoginRefusedException.class.getName(), "/login?refused"));
    http.authorizeHttpRequests(requests -> {
          requests.requestMatchers(PUBLIC_PAGES).permitAll();
          requests.anyRequest().access(EndpointAuthorization.pages());
        })
        .authenticationManager(passwords)
        .exceptionHandling(errors -> errors.accessDeniedHandler(new PageDenials()))
        .formLogin(form -> form.loginPage("/login").failureHandler(failures).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
    if (open) {
      http.anonymous(anonymous -> anonymous.principal(ANONYMOUS_ADMIN).authorities(RoleAuthorities.of(ANONYMOUS_ADMIN)));
    }
    return http.build();
  }

  /** Bearer tokens get their own check: the chain's manager is the password check. */
  private static AuthenticationManager tokenCheck(JwtDecoder decoder, SecurityProperties.Oidc claims) {
    JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
    tokens.setJwtAuthenticationConverter(new TokenUsers(claims));
    return new ProviderManager(tokens);
  }

  /**
   * Only a browser's session can be ridden by another site's form; a call that brings its own credentials,
   * or has no session at all, cannot.
   */
  private static boolean signedInByPage(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && request.getRequestedSessionId() != null;
  }
}
