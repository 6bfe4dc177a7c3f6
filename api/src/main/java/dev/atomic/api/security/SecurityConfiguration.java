package dev.atomic.api.security;

import dev.atomic.identity.ApiKeys;
import dev.atomic.identity.Role;
import dev.atomic.platform.Database;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every endpoint but the health probes needs a credential (an API key or a JWT) and the role {@link
 * EndpointRoles} names; the loopback default lets the local user in without one. Refusals answer in
 * the API's error shape: 401 without a valid credential, 403 naming the missing role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecuritySettings.class, JwtSettings.class})
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  ApiKeys apiKeys(DataSource dataSource) {
    return new ApiKeys(new Database(dataSource), Clock.systemUTC());
  }

  /**
   * A URL the firewall refuses (a {@code ;}, an encoded slash, a {@code ..} segment) is a 400 in
   * the API's error shape.
   */
  @Bean
  RequestRejectedHandler requestRejected() {
    return (request, response, e) ->
        JsonResponses.write(
            response, HttpServletResponse.SC_BAD_REQUEST, "Request rejected", e.getMessage());
  }

  @Bean
  SecurityFilterChain atomicSecurity(
      HttpSecurity http,
      ApiKeys keys,
      SecuritySettings settings,
      JwtSettings jwt,
      @Value("${server.address:}") String address)
      throws Exception {
    requireLoopbackForLocalUser(settings, address);
    http.csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                    .permitAll()
                    .anyRequest()
                    .access(SecurityConfiguration::authorize))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            JsonResponses.write(
                                response,
                                HttpServletResponse.SC_UNAUTHORIZED,
                                "Authentication required",
                                "send 'Authorization: Bearer <API key or JWT>' or 'X-API-Key:"
                                    + " <API key>' (docs/security.md)"))
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          EndpointRoles.Access access =
                              EndpointRoles.of(request.getMethod(), pathOf(request));
                          Caller caller = Caller.current();
                          JsonResponses.write(
                              response,
                              HttpServletResponse.SC_FORBIDDEN,
                              "Forbidden: "
                                  + request.getMethod()
                                  + " "
                                  + pathOf(request)
                                  + " needs the role "
                                  + (access.role() == null ? "?" : access.role().wire()),
                              caller.name()
                                  + " holds "
                                  + (caller.roles().isEmpty()
                                      ? "no role"
                                      : Role.list(caller.roles())));
                        }));
    http.addFilterBefore(
        new CredentialFilter(keys, settings, jwt.enabled()), AnonymousAuthenticationFilter.class);
    http.addFilterAfter(new RateLimits(settings.gatewayRateLimit()), AuthorizationFilter.class);
    // The access log names who made the request, whatever the outcome of authorization.
    http.addFilterBefore(
        (request, response, chain) -> {
          var authentication =
              org.springframework.security.core.context.SecurityContextHolder.getContext()
                  .getAuthentication();
          if (authentication instanceof CallerAuthentication caller) {
            request.setAttribute(dev.atomic.api.web.AccessLog.PRINCIPAL, caller.caller().name());
          }
          chain.doFilter(request, response);
        },
        AuthorizationFilter.class);
    if (jwt.enabled()) {
      DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
      JwtCallers callers = new JwtCallers(settings);
      http.oauth2ResourceServer(
          server ->
              server
                  .bearerTokenResolver(
                      request -> {
                        String token = bearer.resolve(request);
                        return token == null || ApiKeys.looksLikeKey(token) ? null : token;
                      })
                  .authenticationEntryPoint(
                      (request, response, e) ->
                          JsonResponses.write(
                              response,
                              HttpServletResponse.SC_UNAUTHORIZED,
                              "Bearer token refused",
                              e.getMessage()))
                  .jwt(
                      token ->
                          token
                              .decoder(JwtCallers.decoder(jwt))
                              .jwtAuthenticationConverter(callers)));
      log.info("JWT authentication is on; roles come from the '{}' claim", settings.rolesClaim());
    }
    if (settings.auth() == SecuritySettings.Auth.LOCAL) {
      log.warn(
          "Loopback default: requests from 127.0.0.1 without a credential act as the local user"
              + " '{}' with every role (ATOMIC_AUTH=local). Set ATOMIC_AUTH=required, or start"
              + " `atomic dev --auth`, to require credentials.",
          settings.localUser());
    }
    return http.build();
  }

  /** The local user may exist only where nothing but this machine can connect. */
  static void requireLoopbackForLocalUser(SecuritySettings settings, String address) {
    if (settings.auth() != SecuritySettings.Auth.LOCAL) {
      return;
    }
    boolean loopback;
    try {
      loopback = !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException(
          "refusing to start: ATOMIC_AUTH=local lets unauthenticated requests in, but the API"
              + " listens on "
              + (address.isBlank() ? "every interface" : address)
              + ", not only on loopback; set ATOMIC_AUTH=required (API keys, JWTs) or"
              + " SERVER_ADDRESS=127.0.0.1");
    }
  }

  private static AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    var request = context.getRequest();
    EndpointRoles.Access access = EndpointRoles.of(request.getMethod(), pathOf(request));
    if (access.open()) {
      return new AuthorizationDecision(true);
    }
    if (!(authentication.get() instanceof CallerAuthentication caller)) {
      return new AuthorizationDecision(false); // anonymous: 401 through the entry point
    }
    return new AuthorizationDecision(access.role() == null || caller.caller().has(access.role()));
  }

  static String pathOf(jakarta.servlet.http.HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
