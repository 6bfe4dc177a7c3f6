package dev.atomic.api.security;

import dev.atomic.identity.ApiKeys;
import dev.atomic.identity.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.SQLException;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API keys ({@code X-API-Key}, or {@code Authorization: Bearer atk_…}) and, in the
 * loopback default, a request without any credential from the loopback interface as the local user.
 * A bearer token that is not an API key is left to the JWT filter when JWTs are configured, and
 * refused otherwise. A presented credential that does not authenticate is always a 401, never
 * treated as no credential.
 */
final class CredentialFilter extends OncePerRequestFilter {

  static final String API_KEY_HEADER = "X-API-Key";

  private static final Logger log = LoggerFactory.getLogger(CredentialFilter.class);

  private final ApiKeys keys;
  private final SecuritySettings settings;
  private final boolean jwt;

  CredentialFilter(ApiKeys keys, SecuritySettings settings, boolean jwt) {
    this.keys = keys;
    this.settings = settings;
    this.jwt = jwt;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(API_KEY_HEADER);
    String authorization = request.getHeader("Authorization");
    if (key == null && authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        JsonResponses.write(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "Unsupported Authorization scheme",
            "send 'Authorization: Bearer <API key or JWT>' or 'X-API-Key: <API key>'");
        return;
      }
      String token = authorization.substring(7).trim();
      if (ApiKeys.looksLikeKey(token)) {
        key = token;
      } else if (!jwt) {
        JsonResponses.write(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "Bearer token refused",
            "JWT authentication is not configured here (ATOMIC_JWT_ISSUER_URI,"
                + " ATOMIC_JWT_JWK_SET_URI or ATOMIC_JWT_PUBLIC_KEY); use an API key");
        return;
      } else {
        chain.doFilter(request, response); // the JWT filter decides
        return;
      }
    }
    if (key != null) {
      ApiKeys.Check check;
      try {
        check = keys.check(key.trim());
      } catch (SQLException e) {
        log.error("API key check failed: {}", e.getMessage());
        JsonResponses.write(
            response, 503, "Credentials cannot be checked", "the database is unavailable");
        return;
      }
      if (check instanceof ApiKeys.Refused refused) {
        JsonResponses.write(
            response, HttpServletResponse.SC_UNAUTHORIZED, "API key refused", refused.reason());
        return;
      }
      var valid = (ApiKeys.Valid) check;
      SecurityContextHolder.getContext()
          .setAuthentication(
              new CallerAuthentication(
                  new Caller(
                      valid.key().name(), Role.effective(valid.key().roles()), false, "api-key")));
    } else if (settings.auth() == SecuritySettings.Auth.LOCAL && fromLoopback(request)) {
      SecurityContextHolder.getContext()
          .setAuthentication(
              new CallerAuthentication(
                  new Caller(settings.localUser(), EnumSet.allOf(Role.class), true, "loopback")));
    }
    chain.doFilter(request, response);
  }

  private static boolean fromLoopback(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    try {
      // An IP literal: no name lookup happens.
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }
}
