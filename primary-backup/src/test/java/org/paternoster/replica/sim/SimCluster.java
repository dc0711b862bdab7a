package org.paternoster.replica.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.paternoster.replica.Role;
import org.paternoster.view.PingTiming;
import org.paternoster.view.TotalLossPolicy;
import org.paternoster.view.View;

/**
 * A whole Paternoster controller in one thread: the view service, replicas and clients on a
 * {@link SimNetwork}, every process running its real core. Scenarios kill, restart, pause and
 * partition processes; the {@link SimChecker} watches every step.
 */
public final class SimCluster {
  /** A node that runs the scenario's own timers: never crashed, paused or cut off. */
  static final String WORLD = "world";
  /** {@code -Dsim.crashHints=false} replays a seed without connection-close hints (to bisect a failure). */
  static final boolean CRASH_HINTS = Boolean.parseBoolean(System.getProperty("sim.crashHints", "true"));

  final SimNetwork net;
  final PingTiming timing;
  final SimViewService viewService;
  final SimChecker checker;
  private final Map<String, SimReplica> replicas = new LinkedHashMap<>();
  private final Map<String, Integer> starts = new LinkedHashMap<>();
  /** Each replica's {@code --data-dir}, kept across its crashes; empty when the replicas run without. */
  private final Map<String, SimDisk> disks = new LinkedHashMap<>();
  private final boolean replicaDisks;
  private final List<SimClient> clients = new ArrayList<>();
  /** Its own stream, so the closes leave every other random choice of a seed as it was. */
  private final Random closes;
  /** Its own stream too: how late each replica comes back after a power loss or the heal. */
  private final Random returns;
  private final long seed;
  private int cutWrites;

  /** @param replicaDisks whether every replica has a {@code --data-dir} ({@link SimDisk}) */
  public SimCluster(long seed, PingTiming timing, TotalLossPolicy policy, boolean viewServiceDisk, boolean replicaDisks) {
    this.net = new SimNetwork(seed);
    this.replicaDisks = replicaDisks;
    this.closes = new Random(seed ^ 0x5EEDC105EL);
    this.returns = new Random(seed ^ 0x2E7D2115L);
    this.seed = seed;
    this.timing = timing;
    this.viewService = new SimViewService(net, timing, policy, viewServiceDisk);
    this.checker = new SimChecker(this, viewServiceDisk, policy == TotalLossPolicy.WAIT);
    net.afterEvent(checker::afterEvent);
    viewService.start();
  }

  /** A live replica process (null while it is down). */
  SimReplica replica(String id) {
    return net.isDown(id) ? null : replicas.get(id);
  }

  /** Every live replica process. */
  List<SimReplica> alive() {
    return replicas.values().stream().filter(r -> !net.isDown(r.id())).toList();
  }

  /** Every live replica process that is not paused (able to act now). */
  List<SimReplica> running() {
    return replicas.values().stream().filter(r -> !net.isDown(r.id()) && !net.isPaused(r.id())).toList();
  }

  List<String> replicaIds() {
    return List.copyOf(replicas.keySet());
  }

  /**
   * Starts (or restarts, as a new incarnation with an empty memory) replica {@code id}; with disks,
   * from the book its disk holds.
   */
  public void startReplica(String id) {
    net.revive(id);
    int n = starts.merge(id, 1, Integer::sum);
    SimDisk disk = replicaDisks ? disks.computeIfAbsent(id, k -> new SimDisk(new Random(seed ^ 0x7EA2_D15CL ^ k.hashCode()))) : null;
    SimReplica r = new SimReplica(this, id, n, disk);
    replicas.put(id, r);
    r.start();
  }

  /** The durable books of every replica, up or down (none without disks): copies a crash does not take. */
  Map<String, SimDisk> disks() {
    return disks;
  }

  /** kill -9 (or its machine's power lost): the process and its memory are gone; its disk stays. */
  public void kill(String id) {
    if (net.isDown(id)) return;
    checker.beforeCrash(id);
    net.crash(id);
    // Its kernel closes its connection to the view service (the failure detector's crash hint), and
    // refuses the view service's probe of its port (CrashProbe).
    if (CRASH_HINTS) net.send(id, SimViewService.NODE, () -> {
      viewService.disconnected(id);
      viewService.refused(id);
    });
  }

  /**
   * kill -9, a power cut or a failed fsync of replica {@code id} in the middle of its next journal
   * write: its disk keeps any prefix of that write ({@link SimDisk#cutNextWrite}), nothing of that
   * input leaves, and it restarts {@code downMs} later. Nothing without disks.
   */
  public void cutNextWrite(String id, long downMs) {
    SimDisk disk = disks.get(id);
    if (disk == null) return;
    disk.cutNextWrite(() -> {
      cutWrites++;
      kill(id);
      net.timer(WORLD, downMs, () -> {
        if (net.isDown(id)) startReplica(id);
      });
    });
  }

  /**
   * Restarts replica {@code id}, if it is still down, after {@code downMs} plus a straggle of its
   * own: machines do not come back together after a power cut (one boots slower, one waits for a
   * person), so the first to return may be any of them, and the last may come back long after the
   * view service has declared a total loss (half a second here) and chosen among the others.
   */
  void restartStraggling(String id, long downMs) {
    long straggle = switch (returns.nextInt(5)) {
      case 0, 1 -> 0;
      case 2 -> returns.nextInt(100);
      case 3 -> 300 + returns.nextInt(400);
      default -> 800 + returns.nextInt(1200);
    };
    net.timer(WORLD, downMs + straggle, () -> {
      if (net.isDown(id)) startReplica(id);
    });
  }

  /** Writes armed to be cut and not cut yet never will be (faults end at the heal). */
  public void disarmWrites() {
    disks.values().forEach(SimDisk::disarm);
  }

  /** How many journal writes were cut short by a crash. */
  int cutWrites() {
    return cutWrites;
  }

  /**
   * Whether a live replica's ping goes out on a new connection, its old one closed (as a ping that
   * timed out does): a false crash hint, 2 % of pings.
   */
  boolean reconnects() {
    return closes.nextInt(50) == 0 && CRASH_HINTS;
  }

  /**
   * Whether such a false hint's probe is refused too, as if the live replica's listener were down
   * for a moment: one in four. It is then promoted away at once while alive and leased, which only
   * the lease keeps safe.
   */
  boolean refusesWhileAlive() {
    return closes.nextInt(4) == 0;
  }

  public void killViewService() {
    if (viewService.up()) viewService.crash();
  }

  /** A replicated view service changes leaders; the deposed one answers some pings for {@code zombieMs}. */
  public void changeViewServiceLeader(long zombieMs) {
    viewService.changeLeader(zombieMs);
  }

  public void restartViewService() {
    if (!viewService.up()) viewService.start();
  }

  public void startClients(int n) {
    for (int i = 0; i < n; i++) {
      SimClient c = new SimClient(this, "c" + (clients.size() + 1), 8 * timing.intervalMs());
      clients.add(c);
      c.start();
    }
  }

  public void stopClients() {
    clients.forEach(SimClient::stop);
  }

  List<SimClient.Ack> acks() {
    List<SimClient.Ack> all = new ArrayList<>();
    clients.forEach(c -> all.addAll(c.acks));
    return all;
  }

  public View view() {
    return viewService.view();
  }

  public void runFor(long ms) {
    net.runUntil(net.now() + ms);
  }

  /** Runs until {@code condition} holds; false if {@code maxMs} of simulated time passed first. */
  public boolean runUntil(long maxMs, BooleanSupplier condition) {
    long deadline = net.now() + maxMs;
    while (!condition.getAsBoolean()) {
      if (net.now() >= deadline) return false;
      net.runUntil(net.now() + 1);
    }
    return true;
  }

  /** Like {@link #runUntil} but fails the test. */
  public void await(String what, long maxMs, BooleanSupplier condition) {
    if (!runUntil(maxMs, condition)) throw new AssertionError("not within " + maxMs + " ms: " + what + " (" + view() + ")");
  }

  /** The live primary of the acked current view, holding a lease and complete state; null if none. */
  SimReplica settledPrimary() {
    View view = view();
    SimReplica p = view.primary() == null ? null : replica(view.primary());
    if (p == null || !viewService.acked() || p.core().role() != Role.PRIMARY) return null;
    return p.core().mayAct(net.localNow(p.id())) ? p : null;
  }

  /**
   * Settled, every replica back (a straggler's disk may hold what the others lack), every one in
   * the current view, and no idle one still holds calls or services it has not handed over.
   */
  boolean quiescent() {
    SimReplica p = settledPrimary();
    if (p == null || alive().size() < replicas.size()) return false;
    for (SimReplica r : alive()) {
      if (!r.core().view().equals(view())) return false; // not caught up: may still hold calls or services to merge
      if (r.core().role() == Role.IDLE && r.core().hasState() && r.core().book().hasCallsOrServices()) return false;
    }
    String backup = view().backup();
    return backup == null || p.core().committedSeq() == p.core().book().lastSeq();
  }

  /** One line per live replica, for failure reports. */
  String describe() {
    StringBuilder b = new StringBuilder(view() + (viewService.acked() ? " acked" : " not acked") + " at " + net.now() + " ms");
    for (SimReplica r : alive()) {
      var core = r.core();
      b.append("\n    ").append(r.id()).append('/').append(core.incarnation()).append(' ').append(core.role())
          .append(" in view ").append(core.view().viewnum()).append(", reports ").append(core.reportedViewnum())
          .append(core.hasState() ? ", book " + core.book().generation() + " last " + core.book().lastSeq() + " with "
              + core.book().pending().size() + " calls" : ", no book")
          .append(", committed ").append(core.committedSeq())
          .append(core.hasLease(net.localNow(r.id())) ? ", leased" : "");
    }
    return b.toString();
  }

  /**
   * True when a {@code wait} service must wait forever (consistency over availability): the
   * primary's incarnation is gone and no backup of an acknowledged view can take over.
   */
  boolean waitsByDesign() {
    View view = view();
    boolean primaryGone = !holds(view.primary(), true);
    boolean backupGone = !viewService.acked() || !holds(view.backup(), false);
    // Invariant 9: a live process that recovered a named one's durable book (untouched) ends the wait.
    boolean bookReturned = recovered(view.primary(), view.primaryIncarnation())
        || (viewService.acked() && recovered(view.backup(), view.backupIncarnation()));
    return primaryGone && backupGone && !bookReturned;
  }

  private boolean recovered(String id, String incarnation) {
    SimReplica r = id == null ? null : replica(id);
    return r != null && incarnation != null && incarnation.equals(r.core().recoveredFrom());
  }

  private boolean holds(String id, boolean asPrimary) {
    SimReplica r = id == null ? null : replica(id);
    if (r == null) return false;
    return asPrimary ? view().isPrimary(id, r.core().incarnation()) : view().isBackup(id, r.core().incarnation());
  }
}
