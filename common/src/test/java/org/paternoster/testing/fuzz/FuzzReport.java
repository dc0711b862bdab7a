package org.paternoster.testing.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a fuzz run saw. Clean means: no 5xx, no answer that was neither a 4xx JSON error nor a
 * harmless 200 ({@link FuzzTarget#harmlessIn200}), no state change, no server gone (a refused connection or a timeout).
 */
public final class FuzzReport {
  private static final int FAILURES_KEPT = 10;

  private final String target;
  private final Map<FuzzInput.Kind, Integer> byKind = new EnumMap<>(FuzzInput.Kind.class);
  private final List<String> failures = new ArrayList<>();
  private int inputs;
  private int status4xx;
  private int harmless2xx;
  private int status5xx;
  private int wrongAnswers;
  private int stateChanged;
  private int crashes;
  private long nanos;

  public FuzzReport(String target) {
    this.target = target;
  }

  void tried(FuzzInput input) {
    inputs++;
    byKind.merge(input.kind(), 1, Integer::sum);
  }

  void refused4xx() {
    status4xx++;
  }

  void harmless2xx() {
    harmless2xx++;
  }

  void serverError(FuzzInput input, int status, String body) {
    status5xx++;
    fail(input, "answered " + status + " " + body);
  }

  void wrongAnswer(FuzzInput input, int status, String body) {
    wrongAnswers++;
    fail(input, "answered " + status + " " + body);
  }

  void stateChanged(FuzzInput input, Object before, Object after) {
    stateChanged++;
    fail(input, "changed the state from " + before + " to " + after);
  }

  void crashed(FuzzInput input, Throwable cause) {
    crashes++;
    fail(input, "got no answer: " + cause);
  }

  void took(long nanos) {
    this.nanos += nanos;
  }

  private void fail(FuzzInput input, String what) {
    if (failures.size() < FAILURES_KEPT) failures.add(input.describe() + " -> " + what);
  }

  public boolean clean() {
    return status5xx == 0 && wrongAnswers == 0 && stateChanged == 0 && crashes == 0;
  }

  public int inputs() {
    return inputs;
  }

  public int status4xx() {
    return status4xx;
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** Adds {@code other}'s counts to this one (for a total line). */
  public FuzzReport add(FuzzReport other) {
    other.byKind.forEach((k, n) -> byKind.merge(k, n, Integer::sum));
    inputs += other.inputs;
    status4xx += other.status4xx;
    harmless2xx += other.harmless2xx;
    status5xx += other.status5xx;
    wrongAnswers += other.wrongAnswers;
    stateChanged += other.stateChanged;
    crashes += other.crashes;
    nanos += other.nanos;
    other.failures.stream().limit(FAILURES_KEPT - failures.size()).forEach(failures::add);
    return this;
  }

  /** One JSON line: {@code {"fuzz", "inputs", "status4xx", "harmless200", "status5xx", "wrongAnswers", "stateChanged", "crashes", "seconds", "kinds", "failures"}}. */
  public JsonObject toJson() {
    JsonObject kinds = new JsonObject();
    byKind.forEach((k, n) -> kinds.put(k.name().toLowerCase(java.util.Locale.ROOT), n));
    return new JsonObject().put("fuzz", target).put("inputs", inputs).put("status4xx", status4xx).put("harmless200", harmless2xx)
        .put("status5xx", status5xx).put("wrongAnswers", wrongAnswers).put("stateChanged", stateChanged).put("crashes", crashes)
        .put("seconds", Math.round(nanos / 1e7) / 100.0).put("kinds", kinds).put("failures", new JsonArray(new ArrayList<>(failures)));
  }

  @Override
  public String toString() {
    return toJson().encodePrettily();
  }
}
