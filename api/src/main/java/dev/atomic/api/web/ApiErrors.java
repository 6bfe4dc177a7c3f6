package dev.atomic.api.web;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** Turns every failure into {@code {"error", "details"}} with the right status; never a trace. */
@RestControllerAdvice
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> api(ApiException e) {
    return respond(e.status(), e.getMessage(), e.details());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    RequestTooLargeException tooLarge = find(e, RequestTooLargeException.class);
    if (tooLarge != null) {
      return respond(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), null);
    }
    JacksonException json = find(e, JacksonException.class);
    if (json instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      // Well-formed JSON of the wrong shape: name the member, as a validation error would.
      return respond(
          HttpStatus.BAD_REQUEST,
          "'" + member(mismatch.getPath()) + "' has the wrong type",
          mismatch.getOriginalMessage());
    }
    if (json != null) {
      TokenStreamLocation at = json.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      return respond(HttpStatus.BAD_REQUEST, "Malformed JSON", where + json.getOriginalMessage());
    }
    return respond(HttpStatus.BAD_REQUEST, "Request body is not readable JSON", null);
  }

  /** A JSON path such as {@code repository.url} or {@code patches[0].details}. */
  private static String member(java.util.List<JacksonException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      if (reference.getPropertyName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.length() == 0 ? "body" : out.toString();
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupported(HttpMediaTypeNotSupportedException e) {
    return respond(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type must be application/json",
        "got " + (e.getContentType() == null ? "no Content-Type" : e.getContentType()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return respond(HttpStatus.NOT_ACCEPTABLE, "Responses are application/json", null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return respond(
        HttpStatus.METHOD_NOT_ALLOWED,
        "Method " + e.getMethod() + " is not allowed here",
        e.getSupportedHttpMethods() == null ? null : "allowed: " + e.getSupportedHttpMethods());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return respond(
        HttpStatus.BAD_REQUEST, "Missing parameter '" + e.getParameterName() + "'", null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
    return respond(
        HttpStatus.BAD_REQUEST,
        "Invalid value for '" + e.getName() + "'",
        String.valueOf(e.getValue()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return respond(HttpStatus.NOT_FOUND, "Not found", "/" + e.getResourcePath());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    String incident = UUID.randomUUID().toString();
    log.error("unexpected error, incident {}", incident, e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "incident " + incident + " in the server log");
  }

  static ResponseEntity<ApiError> respond(HttpStatus status, String error, String details) {
    return ResponseEntity.status(status).body(new ApiError(error, details));
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
