package dev.atomic.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access log line per request, {@code POST /missions 201 12 ms by alice} (logger {@code
 * atomic.access}), so that {@code grep "POST /missions"} over the logs finds it; and a correlation
 * id per request: the caller's {@code X-Correlation-Id} (or {@code X-Request-Id}) when it is a
 * plain token, else a new one, answered in {@code X-Correlation-Id} and put in the logging context
 * ({@code correlationId}) of every line the request writes.
 *
 * <p>The path is logged segment by segment: words, ids with a short prefix ({@code M-…}, {@code
 * dte-…}) and budget scopes as they are, anything else as {@code …}, so that text a client puts in
 * a path (a pasted token) never reaches the log. The query string is not logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessLog extends OncePerRequestFilter {

  /** Set by the security chain to the authenticated caller's name, for the access line. */
  public static final String PRINCIPAL = AccessLog.class.getName() + ".principal";

  public static final String HEADER = "X-Correlation-Id";

  private static final Logger log = LoggerFactory.getLogger("atomic.access");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String correlationId = correlationId(request);
    response.setHeader(HEADER, correlationId);
    MDC.put("correlationId", correlationId);
    long started = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      long millis = (System.nanoTime() - started) / 1_000_000;
      Object principal = request.getAttribute(PRINCIPAL);
      log.info(
          "{} {} {} {} ms by {}",
          request.getMethod(),
          loggable(request.getRequestURI()),
          response.getStatus(),
          millis,
          principal == null ? "-" : principal);
      MDC.remove("correlationId");
    }
  }

  private static final Pattern SEGMENT =
      Pattern.compile(
          // route words (decision-token, swagger-ui.html, batch-1): short parts only, so a
          // lower-case token glued to a word (apikey-f5bf…) is not one; mission, job,
          // reservation and event ids; budget scopes.
          "[a-z][a-z0-9]{0,15}(?:[-._][a-z0-9]{1,15}){0,3}"
              + "|(?:M|dte|res|EVT)-[A-Za-z0-9-]{1,60}"
              + "|(?:global|team:[a-z0-9._-]{1,64}|mission:M-[A-Z0-9]{1,20})");

  /** The path with every segment that is not a word, an id or a scope replaced by {@code …}. */
  static String loggable(String path) {
    if (path == null || path.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder(Math.min(path.length(), 256));
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0 || path.startsWith("/")) {
        out.append('/');
      }
      if (!segment.isEmpty()) {
        out.append(SEGMENT.matcher(segment).matches() ? segment : "…");
      }
      if (out.length() > 256) {
        return out.append('…').toString();
      }
    }
    return out.toString().replaceFirst("^//", "/");
  }

  private static String correlationId(HttpServletRequest request) {
    for (String header : new String[] {HEADER, "X-Request-Id"}) {
      String given = request.getHeader(header);
      if (given != null && TOKEN.matcher(given).matches()) {
        return given;
      }
    }
    return UUID.randomUUID().toString();
  }
}
