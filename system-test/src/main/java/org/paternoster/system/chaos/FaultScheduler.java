package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The seeded fault schedule: every 1-3 s, if fewer than {@code maxConcurrent} faults are in force,
 * injects one (the first always; a second one a third of the time), of a kind drawn from the
 * enabled kinds, held for the kind's hold time, then healed. Stops injecting at {@code stopAt}
 * (history ms); {@link #healAll()} heals whatever is still in force. Counts injections by kind.
 */
public final class FaultScheduler implements Runnable {
  private final FaultInjector injector;
  private final History history;
  private final List<FaultKind> kinds;
  private final Random random;
  private final long stopAt;
  private final int maxConcurrent;
  private final Consumer<String> log;
  private final ScheduledExecutorService healer = Executors.newScheduledThreadPool(3, r -> {
    Thread t = new Thread(r, "chaos-healer");
    t.setDaemon(true);
    return t;
  });
  private final Map<FaultInjector.Active, ScheduledFuture<?>> active = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final Set<Integer> healed = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;

  public FaultScheduler(FaultInjector injector, History history, List<FaultKind> kinds, long seed, long stopAt,
      int maxConcurrent, Consumer<String> log) {
    this.injector = injector;
    this.history = history;
    this.kinds = kinds;
    this.random = new Random(seed);
    this.stopAt = stopAt;
    this.maxConcurrent = maxConcurrent;
    this.log = log;
  }

  @Override
  public void run() {
    PassengerGenerator.sleep(1000 + random.nextInt(2000));
    while (running && !kinds.isEmpty() && history.now() < stopAt) {
      FaultKind kind = kinds.get(random.nextInt(kinds.size()));
      int hold = kind.minHoldMs + random.nextInt(kind.maxHoldMs - kind.minHoldMs + 1);
      boolean second = random.nextInt(3) == 0;
      Set<String> busy;
      int inForce;
      synchronized (this) {
        busy = new HashSet<>();
        active.keySet().forEach(a -> busy.addAll(a.targets()));
        inForce = active.size();
      }
      if (inForce == 0 || (inForce < maxConcurrent && second)) {
        try {
          FaultInjector.Active a = injector.inject(kind, random, busy);
          if (a != null) {
            synchronized (this) {
              counts.merge(kind.wire(), 1, Integer::sum);
              active.put(a, healer.schedule(() -> heal(a), hold, TimeUnit.MILLISECONDS));
            }
            log.accept("fault #" + a.id() + " " + a.detail() + " for " + hold + " ms");
          }
        } catch (RuntimeException e) {
          log.accept("fault " + kind.wire() + " not injected: " + e.getMessage());
        }
      }
      PassengerGenerator.sleep(1000 + random.nextInt(2000));
    }
  }

  public void stop() {
    running = false;
  }

  /** Heals every fault still in force, now, and waits for the heals. */
  public void healAll() {
    List<FaultInjector.Active> now;
    synchronized (this) {
      now = new ArrayList<>();
      active.forEach((a, f) -> {
        if (f.cancel(false)) now.add(a);
      });
    }
    now.forEach(this::heal);
    healer.shutdown();
    try {
      healer.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public synchronized Map<String, Integer> counts() {
    return new LinkedHashMap<>(counts);
  }

  private void heal(FaultInjector.Active a) {
    // Once only: healAll() may meet a heal already running (a restart waiting for the process to
    // answer; FutureTask.cancel succeeds on a running task), and a second restart would orphan the first.
    if (!healed.add(a.id())) return;
    try {
      injector.heal(a);
      log.accept("healed #" + a.id() + " " + a.detail());
    } catch (RuntimeException e) {
      log.accept("heal of #" + a.id() + " failed: " + e.getMessage());
    } finally {
      synchronized (this) {
        active.remove(a);
      }
    }
  }
}
