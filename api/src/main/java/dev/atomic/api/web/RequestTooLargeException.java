package dev.atomic.api.web;

import java.io.IOException;

/** Thrown while reading a body that grows past {@code MAX_BODY_SIZE}. */
class RequestTooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  RequestTooLargeException(long limit) {
    super("Request body exceeds MAX_BODY_SIZE (" + limit + " bytes)");
  }
}
