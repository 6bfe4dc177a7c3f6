package dev.atomic.api.web;

import org.springframework.http.HttpStatus;

/** An error the API answers with {@code {"error": message, "details": details}}. */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String details;

  public ApiException(HttpStatus status, String message, String details) {
    super(message);
    this.status = status;
    this.details = details;
  }

  public ApiException(HttpStatus status, String message) {
    this(status, message, null);
  }

  public HttpStatus status() {
    return status;
  }

  public String details() {
    return details;
  }
}
