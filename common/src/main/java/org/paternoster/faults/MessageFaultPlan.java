package org.paternoster.faults;

import io.vertx.core.json.JsonObject;
import java.util.Random;

/**
 * Decides, sans I/O, what happens to one message under injected message faults: it is held for a
 * random time before it is handled (so messages overtake each other: reordering), and a share of
 * messages is handled a second time later (a duplicate that may arrive after newer messages).
 * Off by default; {@link #set} switches it on and off at run time. Thread-safe.
 *
 * <p>Contract: with {@code duplicate == 0} and {@code maxDelayMs == 0} every message is handled
 * once, at once ({@link Fate#NONE}), exactly as without this class.
 */
public final class MessageFaultPlan {
  /** What befalls one message: handled after {@code delayMs}; handled again after {@code copyAfterMs} (−1: no copy). */
  public record Fate(long delayMs, long copyAfterMs) {
    public static final Fate NONE = new Fate(0, -1);

    public boolean duplicated() {
      return copyAfterMs >= 0;
    }
  }

  /** The fault settings: a share of duplicated messages in [0, 1], and the longest hold in ms. */
  public record Settings(double duplicate, int maxDelayMs, String except) {
    public static final Settings OFF = new Settings(0, 0, null);
    public static final int MAX_DELAY_LIMIT_MS = 10_000;

    public Settings {
      if (!(duplicate >= 0 && duplicate <= 1)) throw new IllegalArgumentException("duplicate must be a number from 0 to 1");
      if (maxDelayMs < 0 || maxDelayMs > MAX_DELAY_LIMIT_MS) {
        throw new IllegalArgumentException("maxDelayMs must be from 0 to " + MAX_DELAY_LIMIT_MS);
      }
    }

    public boolean off() {
      return duplicate == 0 && maxDelayMs == 0;
    }

    /**
     * {@code {"duplicate":0.3,"maxDelayMs":200,"except":"10.77.0.1"}}; missing fields are 0 / none.
     * {@code except} names a remote address whose messages are never touched (the chaos runner's own).
     * IllegalArgumentException names what is wrong.
     */
    public static Settings fromJson(JsonObject json) {
      Object d = json.getValue("duplicate", 0);
      Object m = json.getValue("maxDelayMs", 0);
      Object e = json.getValue("except");
      if (!(d instanceof Number dn)) throw new IllegalArgumentException("duplicate must be a number from 0 to 1");
      if (!(m instanceof Integer || m instanceof Long)) throw new IllegalArgumentException("maxDelayMs must be an integer");
      if (e != null && !(e instanceof String)) throw new IllegalArgumentException("except must be an address string");
      long ml = ((Number) m).longValue();
      if (ml < 0 || ml > MAX_DELAY_LIMIT_MS) throw new IllegalArgumentException("maxDelayMs must be from 0 to " + MAX_DELAY_LIMIT_MS);
      return new Settings(dn.doubleValue(), (int) ml, (String) e);
    }

    public JsonObject toJson() {
      return new JsonObject().put("duplicate", duplicate).put("maxDelayMs", maxDelayMs).put("except", except);
    }
  }

  private final Random random; // thread-safe
  private volatile Settings settings = Settings.OFF;

  public MessageFaultPlan(Random random) {
    this.random = random;
  }

  public void set(Settings s) {
    settings = s;
  }

  public Settings settings() {
    return settings;
  }

  /** The fate of a message from {@code remote} (may be null); {@link Fate#NONE} when off or exempt. */
  public Fate next(String remote) {
    Settings s = settings;
    if (s.off() || (s.except() != null && s.except().equals(remote))) return Fate.NONE;
    long delay = s.maxDelayMs() == 0 ? 0 : (long) (random.nextDouble() * (s.maxDelayMs() + 1));
    boolean copy = s.duplicate() > 0 && random.nextDouble() < s.duplicate();
    // The copy comes after the original, by up to twice the longest hold: late enough to be stale.
    long copyAfter = copy ? delay + 1 + (long) (random.nextDouble() * (2L * s.maxDelayMs() + 1)) : -1;
    return new Fate(delay, copyAfter);
  }
}
