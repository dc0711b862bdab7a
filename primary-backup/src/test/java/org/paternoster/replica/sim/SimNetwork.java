package org.paternoster.replica.sim;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A deterministic in-memory network and clock. Requests and replies are events on one queue
 * ordered by delivery time; a seeded {@link Random} decides loss, duplication and delay (so
 * messages also reorder). Blocked links model partitions. Everything runs on the test thread.
 */
public final class SimNetwork {
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private final Set<String> blocked = new HashSet<>();
  private final Set<String> down = new HashSet<>();
  final Random random;
  private long now;
  private long order;
  private double loss;
  private double duplication;
  private long minDelayMs = 1;
  private long maxDelayMs = 2;

  public SimNetwork(long seed) {
    this.random = new Random(seed);
  }

  public long now() {
    return now;
  }

  public void faults(double loss, double duplication, long minDelayMs, long maxDelayMs) {
    this.loss = loss;
    this.duplication = duplication;
    this.minDelayMs = minDelayMs;
    this.maxDelayMs = maxDelayMs;
  }

  /** Cuts the link between {@code a} and {@code b} in both directions. */
  public void cut(String a, String b) {
    blocked.add(a + ">" + b);
    blocked.add(b + ">" + a);
  }

  public void heal() {
    blocked.clear();
  }

  /** A crashed node: nothing reaches it and its timers never fire. */
  public void crash(String node) {
    down.add(node);
  }

  public void revive(String node) {
    down.remove(node);
  }

  public boolean isDown(String node) {
    return down.contains(node);
  }

  /** Runs {@code action} at {@code now + delayMs} unless {@code node} is down then. */
  public void timer(String node, long delayMs, Runnable action) {
    long incarnation = incarnation(node);
    queue.add(new Event(now + delayMs, order++, () -> {
      if (!down.contains(node) && incarnation == incarnation(node)) action.run();
    }));
  }

  /**
   * Sends a request; {@code handler} runs at {@code to} and answers through its callback (now or
   * later); the answer travels back to {@code onReply}. Either leg may be lost, duplicated or
   * delayed; a node that crashed or restarted in between never answers. The sender learns of a
   * loss only by its own timeout.
   */
  public <Q, R> void request(
      String from, String to, Q request, BiConsumer<Q, Consumer<R>> handler, Consumer<R> onReply) {
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

  private void deliver(String from, String to, Runnable arrival) {
    if (blocked.contains(from + ">" + to)) return;
    int copies = random.nextDouble() < duplication ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      if (random.nextDouble() < loss) continue;
      long at = now + minDelayMs + (long) (random.nextDouble() * (maxDelayMs - minDelayMs));
      queue.add(new Event(at, order++, () -> {
        if (!down.contains(to)) arrival.run(); // in-flight packets of a dead sender still arrive
      }));
    }
  }

  /** Advances simulated time to {@code until}, running every event due before it. */
  public void runUntil(long until) {
    while (!queue.isEmpty() && queue.peek().at <= until) {
      Event e = queue.poll();
      now = Math.max(now, e.at);
      e.action.run();
    }
    now = Math.max(now, until);
  }

  // Restarting a node bumps its incarnation: timers and replies addressed to the old one vanish.
  private final java.util.Map<String, Long> incarnations = new java.util.HashMap<>();

  public void reincarnate(String node) {
    incarnations.merge(node, 1L, Long::sum);
  }

  private long incarnation(String node) {
    return incarnations.getOrDefault(node, 0L);
  }

  private record Event(long at, long order, Runnable action) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }
}
