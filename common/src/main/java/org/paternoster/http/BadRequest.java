package org.paternoster.http;

/**
 * Thrown by input validation when a request is malformed. {@link JsonHttp} turns it into
 * {@code 400 {"error": message}}; the handler that threw it has changed no state yet
 * (validate everything first, then act).
 */
public final class BadRequest extends RuntimeException {
  public BadRequest(String message) {
    super(message, null, false, false);
  }
}
