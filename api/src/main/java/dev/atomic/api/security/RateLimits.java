package dev.atomic.api.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-credential request limits on the gateway endpoints ({@code ATOMIC_GATEWAY_RATE_LIMIT}
 * requests per minute, 0 for none): past the limit, 429 with {@code Retry-After} in seconds.
 */
final class RateLimits extends OncePerRequestFilter {

  private final int perMinute;
  private final RateLimiterRegistry limiters;

  RateLimits(int perMinute) {
    this.perMinute = perMinute;
    this.limiters =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, perMinute))
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return perMinute <= 0
        || !SecurityConfiguration.pathOf(request).startsWith("/gateway/")
        || !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof CallerAuthentication caller)) {
      chain.doFilter(request, response); // refused later with 401
      return;
    }
    RateLimiter limiter =
        limiters.rateLimiter(caller.caller().via() + ":" + caller.caller().name());
    if (limiter.acquirePermission()) {
      chain.doFilter(request, response);
      return;
    }
    long nanos =
        limiter instanceof AtomicRateLimiter atomic
            ? atomic.getDetailedMetrics().getNanosToWait()
            : Duration.ofMinutes(1).toNanos();
    long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    response.setHeader("Retry-After", Long.toString(seconds));
    JsonResponses.write(
        response,
        429,
        "Too many requests",
        caller.caller().name()
            + " may send "
            + perMinute
            + " gateway requests a minute (ATOMIC_GATEWAY_RATE_LIMIT); retry in "
            + seconds
            + " s");
  }
}
