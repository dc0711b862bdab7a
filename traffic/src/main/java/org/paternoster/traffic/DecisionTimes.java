package org.paternoster.traffic;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.paternoster.dispatch.Decision;

/**
 * The wall-clock time of every dispatcher call of one run, in order: reported (p99), never part of
 * the deterministic output.
 */
final class DecisionTimes {
  private long[] nanos = new long[1024];
  private int count;

  /** Makes {@code call} and records how long it took. */
  List<Decision> time(Supplier<List<Decision>> call) {
    long t0 = System.nanoTime();
    List<Decision> out = call.get();
    long dt = System.nanoTime() - t0;
    if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
    nanos[count++] = dt;
    return out;
  }

  long[] all() {
    return Arrays.copyOf(nanos, count);
  }
}
