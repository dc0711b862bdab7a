package org.paternoster.dashboard.cluster;

/**
 * What the dashboard last learnt from one source (the view service, a replica, an elevator node):
 * the last value it answered with and, when the latest attempt failed, why. A failed attempt keeps
 * the previous value, so the page can show the last known state marked as stale. Immutable.
 *
 * @param value the last successfully read value, or null if none yet
 * @param valueAt when {@code value} was read (dashboard clock, epoch ms); 0 if none
 * @param error why the latest attempt failed, or null if it succeeded (or none was made)
 */
public record Reading<T>(T value, long valueAt, String error) {
  private static final Reading<?> NONE = new Reading<>(null, 0, null);

  /** Nothing attempted yet. */
  @SuppressWarnings("unchecked")
  public static <T> Reading<T> none() {
    return (Reading<T>) NONE;
  }

  /** The latest attempt answered {@code value} at {@code now}. */
  public static <T> Reading<T> of(T value, long now) {
    if (value == null) throw new IllegalArgumentException("value is null");
    return new Reading<>(value, now, null);
  }

  /** This reading after a failed attempt: the value is kept, the error replaces any previous one. */
  public Reading<T> failed(String why) {
    return new Reading<>(value, valueAt, why == null ? "failed" : why);
  }

  /** The latest attempt succeeded. */
  public boolean reachable() {
    return value != null && error == null;
  }

  /** The latest attempt failed. */
  public boolean failing() {
    return error != null;
  }
}
