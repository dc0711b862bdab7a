package org.paternoster.replica.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A deterministic in-memory network and the nodes' clocks. Requests and replies are events on one
 * queue ordered by delivery time; a seeded {@link Random} decides loss, duplication and delay (so
 * messages also reorder). Blocked links model partitions. Everything runs on the test thread.
 *
 * <p>Time: {@link #now()} is real (simulated) time. Each node reads its own clock
 * {@link #localNow(String)}, which runs at its own rate (drift) and, in {@link #stopClocksWhilePaused}
 * mode, stands still while the node is paused (the VM-suspend case the lease clock must survive;
 * used to show the checker catches a broken clock assumption). A paused node runs nothing: its
 * timers and arriving messages wait until it resumes.
 */
public final class SimNetwork {
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private final Map<String, Integer> blocked = new HashMap<>(); // link -> how many faults cut it
  private final Set<String> down = new HashSet<>();
  private final Map<String, Long> incarnations = new HashMap<>();
  private final Map<String, Double> drift = new HashMap<>();
  private final Map<String, Long> pausedUntil = new HashMap<>();
  private final Map<String, Long> stoppedMs = new HashMap<>();
  final Random random;
  private long now;
  private long order;
  private double loss;
  private double duplication;
  private long minDelayMs = 1;
  private long maxDelayMs = 2;
  private boolean stopClocksWhilePaused;
  private Runnable afterEvent = () -> {};

  public SimNetwork(long seed) {
    this.random = new Random(seed);
  }

  public long now() {
    return now;
  }

  /** The clock of {@code node}: its rate differs from real time by its drift. */
  public long localNow(String node) {
    double rate = 1 + drift.getOrDefault(node, 0.0);
    return (long) Math.floor((now - stoppedMs.getOrDefault(node, 0L)) * rate);
  }

  public void drift(String node, double fraction) {
    drift.put(node, fraction);
  }

  /** Break the lease clock's assumption: a paused node's clock does not advance (for negative tests). */
  public void stopClocksWhilePaused(boolean stop) {
    this.stopClocksWhilePaused = stop;
  }

  /** Called after every event (the checker's hook). */
  public void afterEvent(Runnable hook) {
    this.afterEvent = hook;
  }

  public void faults(double loss, double duplication, long minDelayMs, long maxDelayMs) {
    this.loss = loss;
    this.duplication = duplication;
    this.minDelayMs = minDelayMs;
    this.maxDelayMs = Math.max(minDelayMs, maxDelayMs);
  }

  /** Cuts the link between {@code a} and {@code b} in both directions (counted: overlapping cuts nest). */
  public void cut(String a, String b) {
    blocked.merge(a + ">" + b, 1, Integer::sum);
    blocked.merge(b + ">" + a, 1, Integer::sum);
  }

  /** Undoes one {@link #cut} of that link. */
  public void uncut(String a, String b) {
    blocked.computeIfPresent(a + ">" + b, (k, n) -> n > 1 ? n - 1 : null);
    blocked.computeIfPresent(b + ">" + a, (k, n) -> n > 1 ? n - 1 : null);
  }

  public void heal() {
    blocked.clear();
  }

  /** A crashed node: nothing reaches it and its timers never fire. */
  public void crash(String node) {
    down.add(node);
    reincarnate(node);
  }

  public void revive(String node) {
    down.remove(node);
  }

  public boolean isDown(String node) {
    return down.contains(node);
  }

  /** SIGSTOP for {@code ms}: the node runs nothing until then (its clock stops too if so configured). */
  public void pause(String node, long ms) {
    long until = Math.max(pausedUntil.getOrDefault(node, now), now) + ms;
    if (stopClocksWhilePaused) stoppedMs.merge(node, until - Math.max(pausedUntil.getOrDefault(node, now), now), Long::sum);
    pausedUntil.put(node, until);
  }

  public boolean isPaused(String node) {
    return pausedUntil.getOrDefault(node, Long.MIN_VALUE) > now;
  }

  /** Runs {@code action} at {@code node} after {@code localDelayMs} of its clock, unless it crashed meanwhile. */
  public void timer(String node, long localDelayMs, Runnable action) {
    long incarnation = incarnation(node);
    double rate = 1 + drift.getOrDefault(node, 0.0);
    long realDelay = (long) Math.ceil(localDelayMs / rate);
    schedule(now + Math.max(0, realDelay), node, () -> {
      if (!down.contains(node) && incarnation == incarnation(node)) action.run();
    });
  }

  /**
   * Sends a request; {@code handler} runs at {@code to} and answers through its callback (now or
   * later); the answer travels back to {@code onReply}. Either leg may be lost, duplicated or
   * delayed; a node that crashed or restarted in between never answers. The sender learns of a
   * loss only by its own timeout.
   */
  public <Q, R> void request(String from, String to, Q request, BiConsumer<Q, Consumer<R>> handler, Consumer<R> onReply) {
    long senderIncarnation = incarnation(from);
    deliver(from, to, () -> {
      long receiverIncarnation = incarnation(to);
      handler.accept(request, reply -> {
        if (reply == null || down.contains(to) || incarnation(to) != receiverIncarnation) return;
        deliver(to, from, () -> {
          if (incarnation(from) == senderIncarnation) onReply.accept(reply);
        });
      });
    });
  }

  /** A request whose handler answers at once. */
  public <Q, R> void call(String from, String to, Q request, Function<Q, R> handler, Consumer<R> onReply) {
    request(from, to, request, (q, reply) -> reply.accept(handler.apply(q)), onReply);
  }

  /** A one-way message (say a TCP FIN): lost, duplicated, delayed or cut like any other. */
  public void send(String from, String to, Runnable arrival) {
    deliver(from, to, arrival);
  }

  private void deliver(String from, String to, Runnable arrival) {
    if (blocked.containsKey(from + ">" + to)) return;
    int copies = random.nextDouble() < duplication ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      if (random.nextDouble() < loss) continue;
      long at = now + minDelayMs + (long) (random.nextDouble() * (maxDelayMs - minDelayMs));
      schedule(at, to, () -> {
        if (!down.contains(to)) arrival.run(); // in-flight packets of a dead sender still arrive
      });
    }
  }

  private void schedule(long at, String node, Runnable action) {
    queue.add(new Event(at, order++, node, action));
  }

  /** Advances simulated time to {@code until}, running every event due before it. */
  public void runUntil(long until) {
    while (!queue.isEmpty() && queue.peek().at <= until) {
      Event e = queue.poll();
      now = Math.max(now, e.at);
      Long paused = e.node == null ? null : pausedUntil.get(e.node);
      if (paused != null && paused > now) {
        queue.add(new Event(paused, order++, e.node, e.action)); // runs when the node resumes
        continue;
      }
      try {
        e.action.run();
      } catch (Halted h) {
        // its node died in the middle of it (a write cut short): the rest went with the process
      }
      afterEvent.run();
    }
    now = Math.max(now, until);
  }

  /**
   * Thrown by a node's code that has just taken its own node down in the middle of an action (a
   * crash inside a disk write, {@link SimDisk#cutNextWrite}): the rest of the action is dropped,
   * as the process is gone. The node must already be {@link #crash crashed}.
   */
  static final class Halted extends RuntimeException {
    Halted() {
      super("node halted mid-action", null, false, false);
    }
  }

  private void reincarnate(String node) {
    incarnations.merge(node, 1L, Long::sum);
  }

  private long incarnation(String node) {
    return incarnations.getOrDefault(node, 0L);
  }

  private record Event(long at, long order, String node, Runnable action) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }
}
