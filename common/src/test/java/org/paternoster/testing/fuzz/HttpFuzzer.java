package org.paternoster.testing.fuzz;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Sends {@link JsonInputs} to one server and checks every answer: a 4xx whose body is a JSON
 * object with a non-blank {@code "error"} (or the target's protocol refusal), never a 5xx, never
 * silence, and {@code state} the same after each input as before the run.
 *
 * <p>Blocking ({@code Future.await()}): call it from a test or main thread, never an event loop.
 */
public final class HttpFuzzer {
  private static final int TIMEOUT_MS = 5_000;

  private final WebClient http;
  private final String baseUrl;
  private final Supplier<Object> state;

  /**
   * @param state reads the part of the server's state no refused input may change (e.g. the
   *     replica's last seq and book); compared with {@link Objects#equals}
   */
  public HttpFuzzer(WebClient http, String baseUrl, Supplier<Object> state) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.state = state;
  }

  public FuzzReport run(FuzzTarget target, long seed, int inputs) {
    FuzzReport report = new FuzzReport(target.name());
    Random random = new Random(seed);
    Object before = state.get();
    for (int i = 0; i < inputs; i++) {
      FuzzInput input = JsonInputs.next(random, target);
      report.tried(input);
      long start = System.nanoTime();
      HttpResponse<Buffer> response;
      try {
        response = http.postAbs(baseUrl + target.path()).timeout(TIMEOUT_MS).putHeader("content-type", "application/json")
            .sendBuffer(Buffer.buffer(input.body())).await();
      } catch (RuntimeException e) {
        report.crashed(input, e);
        continue;
      } finally {
        report.took(System.nanoTime() - start);
      }
      judge(target, input, response, report);
      Object after = state.get();
      if (!Objects.equals(before, after)) {
        report.stateChanged(input, before, after);
        before = after;
      }
    }
    return report;
  }

  private static void judge(FuzzTarget target, FuzzInput input, HttpResponse<Buffer> response, FuzzReport report) {
    int status = response.statusCode();
    String text = response.bodyAsString();
    JsonObject body = jsonObject(text);
    if (status >= 500) {
      report.serverError(input, status, text);
    } else if (status >= 400 && status < 500 && body != null && body.getValue("error") instanceof String e && !e.isBlank()) {
      report.refused4xx();
    } else if (status == 200 && body != null && target.harmlessIn200().test(body)) {
      report.harmless2xx();
    } else {
      report.wrongAnswer(input, status, text);
    }
  }

  private static JsonObject jsonObject(String text) {
    try {
      return text == null ? null : new JsonObject(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
