package org.paternoster.replica.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.paternoster.orders.Call;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.PendingCall;
import org.paternoster.orders.Tombstone;
import org.paternoster.replica.Replica;

/**
 * The safety properties of issue 11, checked while the simulation runs (after every event) and at
 * its end. It knows the model, not the code: who holds which call, who acknowledged what.
 * <ul>
 *   <li>{@code twoLeases}: never two replicas that can act (alive, not paused) holding a valid
 *       lease at the same instant, each by its own clock (invariant 2).</li>
 *   <li>{@code twoWritersInAView}: acknowledgements of one view come from one replica (checked when
 *       the view service has its disk: without it one number may name two views).</li>
 *   <li>{@code servedCallShown}: a primary that may push lamps never counts as committed a call
 *       of its own lineage whose "served" was acknowledged (lamps show committed, unserved calls
 *       only): ordered in its lineage's seq block (only with the view service's disk are blocks
 *       unique), or served by a primary of its lineage (lineage names are unique). After a total
 *       loss a new lineage may briefly show a call its lost predecessor served (a needless stop,
 *       never a lost call) until a copy that knows the service returns;
 *       at the end, once every copy is back, no such call is left unless every copy knowing the
 *       service crashed ({@code servedCallRelit}).</li>
 *   <li>{@code lostWithoutCrash}: an acknowledged press vanished from every live replica and
 *       every disk although no crash took its last copy (checked at each crash).</li>
 *   <li>{@code waitLedWithout}: with {@code --on-total-loss wait} (and the view service's disk), a
 *       primary, when it first may act in a view, holds every acknowledged press not served nor
 *       destroyed by crashes: consistency means no primary ever leads without the state of the
 *       views before it (rule 4, invariant 9). Checked once per view and process.</li>
 *   <li>{@code ackedOrderMissing}: after the heal, the settled primary holds every acknowledged
 *       press that was not served and whose copies were not all destroyed by crashes (invariant 1,
 *       7: nothing acknowledged is forgotten while one copy survives). With disks a crash destroys
 *       no copy that was journaled, so a power loss of every replica at once must lose nothing.</li>
 * </ul>
 */
final class SimChecker {
  private final SimCluster cluster;
  final List<String> violations = new ArrayList<>();
  private final Map<Long, String> writerOf = new HashMap<>();
  private final List<SimClient.Ack> presses = new ArrayList<>();
  private final Set<Call> servedSubmitted = new HashSet<>();
  private final Set<Tombstone> servedAcked = new HashSet<>();
  /** Each acknowledged service with the lineage (book generation) of the primary that acknowledged it. */
  private final Set<ServedIn> servedAckedIn = new HashSet<>();
  private final Set<Call> destroyed = new HashSet<>();
  private final boolean uniqueViewNumbers;
  private final Set<Tombstone> tombstonesDestroyed = new HashSet<>();
  private final boolean consistentOnTotalLoss;
  private final Set<String> actedIn = new HashSet<>(); // "id/incarnation/viewnum" of every primary that may act

  /** @param consistentOnTotalLoss the view service waits rather than rebuild ({@code --on-total-loss wait}) */
  SimChecker(SimCluster cluster, boolean uniqueViewNumbers, boolean consistentOnTotalLoss) {
    this.cluster = cluster;
    this.uniqueViewNumbers = uniqueViewNumbers;
    this.consistentOnTotalLoss = consistentOnTotalLoss;
  }

  private void violation(String kind, String detail) {
    if (violations.size() < 20) violations.add(kind + " at " + cluster.net.now() + " ms: " + detail);
  }

  void servedSubmitted(Call call) {
    servedSubmitted.add(call);
  }

  void acknowledged(SimClient.Ack ack) {
    String before = writerOf.putIfAbsent(ack.viewnum(), ack.replica());
    // Without its disk the view service may give one number to two views; then only twoLeases applies.
    if (before != null && !before.equals(ack.replica()) && uniqueViewNumbers) {
      violation("twoWritersInAView", "view " + ack.viewnum() + " acknowledged by " + before + " and " + ack.replica());
    }
    if (ack.op() instanceof Op.Press) {
      presses.add(ack);
      // The answer may arrive after its only holder (a primary without backup) crashed.
      if (holders(ack.op().call(), null).isEmpty()) destroyed.add(ack.op().call());
    } else {
      Tombstone t = new Tombstone(ack.op().call(), ((Op.Served) ack.op()).callSeq());
      servedAcked.add(t);
      servedAckedIn.add(new ServedIn(t, ack.generation()));
      if (knowing(t, null).isEmpty()) tombstonesDestroyed.add(t);
    }
  }

  /** After every event of the simulation. */
  void afterEvent() {
    String leased = null;
    for (SimReplica r : cluster.running()) {
      long local = cluster.net.localNow(r.id());
      Replica core = r.core();
      if (!core.hasLease(local)) continue;
      if (leased != null) violation("twoLeases", leased + " and " + r.id() + " both hold a lease");
      leased = r.id();
      if (core.mayAct(local)) {
        if (consistentOnTotalLoss && uniqueViewNumbers && actedIn.add(r.id() + "/" + core.incarnation() + "/" + core.view().viewnum())) {
          leadsWithEverything(r);
        }
        long committed = core.committedSeq();
        long lineage = core.book().lastSeq() / OrderBook.SEQ_BLOCK;
        String generation = core.book().generation();
        for (PendingCall p : core.book().pending()) {
          if (p.createdSeq() > committed) continue;
          Tombstone t = Tombstone.of(p);
          // In its own lineage: the call was ordered in this lineage's seq block (view numbers, and
          // so blocks, are unique only with the view service's disk), or its service was
          // acknowledged by a primary of this lineage (names are unique either way).
          boolean orderedHere = uniqueViewNumbers && p.seq() / OrderBook.SEQ_BLOCK == lineage && servedAcked.contains(t);
          if (orderedHere || servedAckedIn.contains(new ServedIn(t, generation))) {
            violation("servedCallShown", r.id() + " shows " + p + " whose service was acknowledged");
          }
        }
      }
    }
  }

  private void leadsWithEverything(SimReplica primary) {
    for (SimClient.Ack ack : presses) {
      Call call = ack.op().call();
      if (destroyed.contains(call) || servedSubmitted.contains(call) || primary.core().book().pending(call).isPresent()) continue;
      violation("waitLedWithout", primary.id() + " leads view " + primary.core().view().viewnum() + " without " + ack.op()
          + " acknowledged by " + ack.replica() + " in view " + ack.viewnum() + " (held by " + holders(call, null) + ")");
    }
  }

  private record ServedIn(Tombstone service, String generation) {}

  /**
   * Just before {@code id} crashes: presses (and services) whose last copy is in its memory are
   * destroyed, not lost. A copy on a disk (its own included) survives the crash.
   */
  void beforeCrash(String id) {
    for (Tombstone t : servedAcked) {
      if (tombstonesDestroyed.contains(t)) continue;
      if (knowing(t, id).isEmpty()) tombstonesDestroyed.add(t);
    }
    for (SimClient.Ack ack : presses) {
      Call call = ack.op().call();
      if (destroyed.contains(call) || servedSubmitted.contains(call)) continue;
      if (holders(call, null).isEmpty()) {
        violation("lostWithoutCrash", ack.op() + " acknowledged by " + ack.replica() + " in view " + ack.viewnum()
            + " is on no live replica and no disk");
        destroyed.add(call); // report once
      } else if (holders(call, id).isEmpty()) {
        destroyed.add(call);
      }
    }
  }

  /** The copies holding {@code call} pending. */
  private List<String> holders(Call call, String crashing) {
    return copies(book -> book.pending(call).isPresent(), crashing);
  }

  /** The copies that know {@code t} was served. */
  private List<String> knowing(Tombstone t, String crashing) {
    return copies(book -> book.wasServed(t.call(), t.seq()), crashing);
  }

  /**
   * The books for which {@code has} holds, as they would be after {@code crashing} (null: none)
   * crashed: every live replica's memory but that one's ("r1"), and every disk ("r2 disk").
   */
  private List<String> copies(Predicate<OrderBook> has, String crashing) {
    List<String> out = new ArrayList<>();
    for (SimReplica r : cluster.alive()) if (!r.id().equals(crashing) && has.test(r.core().book())) out.add(r.id());
    cluster.disks().forEach((id, disk) -> {
      if (has.test(disk.book())) out.add(id + " disk");
    });
    return out;
  }

  /** At the end, after the heal: the settled primary holds every surviving acknowledged press, and no served one. */
  void finalCheck(SimReplica primary) {
    for (PendingCall p : primary.core().book().pending()) {
      if (servedAcked.contains(Tombstone.of(p)) && !tombstonesDestroyed.contains(Tombstone.of(p))) {
        violation("servedCallRelit", primary.id() + " still holds " + p + " whose service was acknowledged and is known to a live replica");
      }
    }
    for (SimClient.Ack ack : presses) {
      Call call = ack.op().call();
      if (destroyed.contains(call) || servedSubmitted.contains(call)) continue;
      if (primary.core().book().pending(call).isEmpty()) {
        violation("ackedOrderMissing", ack.op() + " acknowledged by " + ack.replica() + " in view " + ack.viewnum() + " at "
            + ack.at() + " ms is not on " + primary.id() + ", primary of view " + primary.core().view().viewnum()
            + " (held by " + holders(call, null) + ")");
      }
    }
  }

  int acknowledgedPresses() {
    return presses.size();
  }

  int destroyedPresses() {
    return destroyed.size();
  }
}
