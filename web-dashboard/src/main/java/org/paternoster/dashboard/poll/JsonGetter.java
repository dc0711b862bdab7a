package org.paternoster.dashboard.poll;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET} of a JSON document with a deadline, failing with a short reason a person can read
 * on the page ("connection refused", "no answer within 1000 ms", "answered 503: ...").
 * Callbacks run on the calling Vert.x context.
 */
final class JsonGetter {
  private final WebClient client;
  private final long timeoutMs;

  JsonGetter(WebClient client, long timeoutMs) {
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  /** The body of a {@code 200} answer to {@code GET url}. */
  Future<Buffer> get(String url) {
    return client.getAbs(url).timeout(timeoutMs).send().compose(r -> r.statusCode() == 200
        ? Future.succeededFuture(r.body())
        : Future.failedFuture(new IllegalStateException("answered " + r.statusCode() + ": " + abbreviate(r.bodyAsString()))));
  }

  /** A one-line reason for {@code failure}. */
  String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) return "connection refused";
      if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
        return "no answer within " + timeoutMs + " ms";
      }
    }
    String message = failure.getMessage();
    return abbreviate(message == null ? failure.getClass().getSimpleName() : message);
  }

  private static String abbreviate(String text) {
    if (text == null) return "";
    String line = text.replace('\n', ' ').strip();
    return line.length() <= 160 ? line : line.substring(0, 157) + "...";
  }
}
