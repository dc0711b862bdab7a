package org.paternoster.assign;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.paternoster.orders.HallCall;

/**
 * Which hall calls each car should serve: car id → its hall calls. Every available car is a key
 * (possibly with no calls); no call is under two cars. Immutable and compared by value, so the
 * primary can push only when the assignment changes.
 *
 * <p>A dispatcher that parks and holds also advises cars ({@code standby}, only cars with advice
 * other than {@link Standby#NONE} listed): where an idle car should wait, which car should keep
 * its doors open. Advice never takes a call away or keeps one from being served. Assigners that
 * give none leave it empty.
 */
public record Assignment(Map<String, Set<HallCall>> calls, Map<String, Standby> standby) {
  /** Floor, then up before down: the order in which hall calls are assigned and printed. */
  public static final Comparator<HallCall> CALL_ORDER =
      Comparator.comparingInt(HallCall::floor).thenComparing(HallCall::direction);

  /** Throws {@link IllegalArgumentException} when a call is under two cars. */
  public Assignment {
    Set<HallCall> seen = new HashSet<>();
    TreeMap<String, Set<HallCall>> copy = new TreeMap<>();
    calls.forEach((id, set) -> {
      for (HallCall c : set) {
        if (!seen.add(c)) throw new IllegalArgumentException(c + " is assigned twice");
      }
      copy.put(id, sorted(set));
    });
    calls = Collections.unmodifiableMap(copy);
    TreeMap<String, Standby> advice = new TreeMap<>(standby);
    advice.values().removeIf(Standby.NONE::equals);
    standby = Collections.unmodifiableMap(advice);
  }

  /** Hall calls only: no advice. */
  public Assignment(Map<String, Set<HallCall>> calls) {
    this(calls, Map.of());
  }

  /** The advice for car {@code id}: {@link Standby#NONE} for a car with none. */
  public Standby standbyOf(String id) {
    return standby.getOrDefault(id, Standby.NONE);
  }

  /** An assignment where every car in {@code ids} serves nothing. */
  public static Assignment none(Iterable<String> ids) {
    TreeMap<String, Set<HallCall>> m = new TreeMap<>();
    ids.forEach(id -> m.put(id, Set.of()));
    return new Assignment(m);
  }

  /** The car that should serve {@code call}, if any. */
  public Optional<String> assigneeOf(HallCall call) {
    return calls.entrySet().stream().filter(e -> e.getValue().contains(call)).map(Map.Entry::getKey).findFirst();
  }

  /** The hall calls car {@code id} should serve: empty for a car with none or not listed. */
  public Set<HallCall> callsFor(String id) {
    return calls.getOrDefault(id, Set.of());
  }

  /** The ids of the cars listed, in string order. */
  public Set<String> elevators() {
    return calls.keySet();
  }

  private static Set<HallCall> sorted(Set<HallCall> set) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(set.stream().sorted(CALL_ORDER).toList()));
  }
}
