package dev.atomic.api.security;

import dev.atomic.api.web.ApiError;
import dev.atomic.platform.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** Refusals written by servlet filters, before any controller, in the API's error shape. */
public final class JsonResponses {

  private JsonResponses() {}

  public static void write(HttpServletResponse response, int status, String error, String details)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"atomic\"");
    }
    response.getWriter().write(Json.write(new ApiError(error, details)));
  }
}
