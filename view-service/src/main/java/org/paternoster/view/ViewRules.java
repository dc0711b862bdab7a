package org.paternoster.view;

import java.util.Map;
import java.util.Optional;

/**
 * The MIT 6.824 view-service rules as a pure function: given the current view, what the service
 * knows of every server, and {@code now}, the next view (if any). Rule numbers are issue 2's.
 */
final class ViewRules {
  private final PingTiming timing;
  private final FailureDetector detector;
  private final TotalLossPolicy onTotalLoss;
  private final long startedAt;

  ViewRules(PingTiming timing, FailureDetector detector, TotalLossPolicy onTotalLoss, long startedAt) {
    this.timing = timing;
    this.startedAt = startedAt;
    this.detector = detector;
    this.onTotalLoss = onTotalLoss;
  }

  /**
   * The next view, or empty when nothing must change (rule 6) or the service must wait. A new view
   * is numbered above the current one and above {@code maxReported}, the highest number any server
   * reported (invariant 4 holds even across a restart without the disk). {@code leasesExpired}: no
   * lease granted so far can still be held.
   */
  Optional<ViewChange> next(ViewState state, Map<String, ServerRecord> servers, long maxReported, boolean leasesExpired, long now) {
    View view = state.view();
    long number = Math.max(view.viewnum(), maxReported) + 1;
    if (view.primary() == null) return firstPrimary(number, servers, now);
    if (maxReported > view.viewnum()) {
      // A server knows a higher view than ours: we lost our disk. Same roles, a number above it.
      View renumbered = new View(number, view.primary(), view.backup(), view.primaryAddress(), view.backupAddress(),
          view.primaryIncarnation(), view.backupIncarnation(), view.rebuild() && !state.acked());
      return Optional.of(new ViewChange(renumbered, now, "renumbered above view " + maxReported + " that a server reported", null));
    }
    Optional<ViewChange> totalLoss = totalLoss(state, servers, leasesExpired, now);
    if (totalLoss.isPresent()) return totalLoss;
    ServerRecord primary = servers.get(view.primary());
    ServerRecord backup = view.backup() == null ? null : servers.get(view.backup());
    if (!state.acked()) {
      // Rule 2 / invariant 3: never promote past a view its primary has not acknowledged (its
      // backup may lack the state). Replacing the backup of such a view is safe, though: the same
      // primary keeps the state. Without it, a backup that died or restarted before receiving the
      // transfer (a new incarnation refuses it, invariant 8) would block the service forever.
      if (failed(primary, view, now) || backup == null || !failed(backup, view, now)) return Optional.empty();
      ServerRecord newBackup = idle(servers, now, primary.id, backup.id);
      String reason = backup.lostStateIn(view) ? "backup restarted before the view was acked" : "backup dead before the view was acked";
      // The primary may not have started the new lineage yet: the next view still starts it.
      return Optional.of(change(number, primary, newBackup, view.rebuild(), now, reason, null));
    }

    if (failed(primary, view, now)) {
      // Rule 4: promote only a live backup that still holds its state; never an idle server.
      if (backup == null || failed(backup, view, now)) return Optional.empty();
      // Invariant 8: the backup's record is the incarnation the view named (another would have lost its state).
      ServerRecord newBackup = idle(servers, now, backup.id, primary.id);
      String reason = primary.lostStateIn(view) ? "primary restarted" : "primary dead";
      return Optional.of(change(number, backup, newBackup, false, now, reason, now - primary.lostSince()));
    }
    if (backup != null && failed(backup, view, now)) {
      // Rule 5: replace a dead backup with a live idle server, or with none.
      ServerRecord newBackup = idle(servers, now, primary.id, backup.id);
      String reason = backup.lostStateIn(view) ? "backup restarted" : "backup dead";
      return Optional.of(change(number, primary, newBackup, false, now, reason, null));
    }
    if (backup == null) {
      ServerRecord newBackup = idle(servers, now, primary.id, null);
      if (newBackup != null) return Optional.of(change(number, primary, newBackup, false, now, "backup joined", null));
    }
    return Optional.empty();
  }

  /**
   * Beyond MIT: the primary has been lost for {@link PingTiming#totalLossAfterMs()}, no live backup
   * of an acked view can take over (primary and backup both gone, or the primary died before
   * acking), and every lease has expired. Then a live server becomes primary of a new lineage
   * ({@link View#rebuild()}), whose book is rebuilt from its own book, from the elevator nodes
   * (which re-submit every call they show lit) and from every older book that returns, merged
   * (invariant 7):
   *
   * <ul>
   *   <li>First choice, under either policy, a {@link #bookHolder}: a live server whose book is the
   *       durable book of a process this view named and lost, so it holds everything that
   *       process acknowledged (invariant 9). This is the one successor {@link
   *       TotalLossPolicy#WAIT} accepts: without it, a power loss of every replica would stop
   *       a controller with durable books forever.
   *   <li>With {@link TotalLossPolicy#REBUILD}, so no one ever has to restart anything by hand:
   *       else the backup if it lives, else any other live server, else the lost primary itself
   *       restarted as a new incarnation. A restarted primary is a new process with a new lineage
   *       name, and every lease of the lost view has expired, so it is as safe a successor as any
   *       other server; without it, the last machine standing, restarted, would wait for another
   *       one forever.
   * </ul>
   */
  private Optional<ViewChange> totalLoss(ViewState state, Map<String, ServerRecord> servers, boolean leasesExpired, long now) {
    if (!leasesExpired) return Optional.empty();
    View view = state.view();
    ServerRecord primary = servers.get(view.primary());
    if (!failed(primary, view, now) || now - primary.lostSince() < timing.totalLossAfterMs()) return Optional.empty();
    ServerRecord backup = view.backup() == null ? null : servers.get(view.backup());
    boolean backupAlive = backup != null && !failed(backup, view, now);
    if (state.acked() && backupAlive) return Optional.empty(); // rule 4 promotes it
    ServerRecord holder = bookHolder(state, servers, now);
    if (holder != null) {
      return newLineage(view, holder, primary, servers, now, "total loss: new lineage from the durable book of " + holder.recoveredFrom);
    }
    if (onTotalLoss == TotalLossPolicy.WAIT) return Optional.empty();
    ServerRecord successor = backupAlive ? backup : idle(servers, now, null, primary.id);
    if (successor == null) return Optional.empty();
    return newLineage(view, successor, primary, servers, now, "total loss: new lineage, rebuilt from the elevators and returning replicas");
  }

  /** View {@code view}+1, a new lineage led by {@code successor} of the lost {@code primary}, with any other live server as backup. */
  private Optional<ViewChange> newLineage(View view, ServerRecord successor, ServerRecord primary, Map<String, ServerRecord> servers,
      long now, String reason) {
    ServerRecord newBackup = idle(servers, now, successor.id, primary.id);
    return Optional.of(change(view.viewnum() + 1, successor, newBackup, true, now, reason, now - primary.lostSince()));
  }

  /**
   * Invariant 9: a live server that recovered, and has not changed since, the durable book of the
   * process the current view names as its primary, or as its backup once the view is acked (a
   * backup of a view not acked may not hold the transfer yet). Each journals every change before
   * any effect of it that promises leaves (the primary before it acknowledges, the backup before
   * it answers a forward or transfer), so that book holds everything the view acknowledged, and
   * everything earlier views did. Null if there is none.
   */
  private ServerRecord bookHolder(ViewState state, Map<String, ServerRecord> servers, long now) {
    View view = state.view();
    ServerRecord primary = servers.get(view.primary());
    if (holdsBookOf(primary, view.primaryIncarnation(), now)) return primary;
    ServerRecord backup = view.backup() == null ? null : servers.get(view.backup());
    return state.acked() && holdsBookOf(backup, view.backupIncarnation(), now) ? backup : null;
  }

  private boolean holdsBookOf(ServerRecord server, String incarnation, long now) {
    return server != null && incarnation != null && incarnation.equals(server.recoveredFrom) && !detector.dead(server, now);
  }

  /** Rule 3: dead, or restarted during {@code view} (which lost its state). */
  private boolean failed(ServerRecord server, View view, long now) {
    return server.lostStateIn(view) || detector.dead(server, now);
  }

  /**
   * Rule 1: the first server to ping becomes primary of view 1 — once the service has listened for
   * one dead time from its start. A service without a saved view (a first start, or a restart that
   * lost its disk) cannot tell the two apart until the servers report what they know, and must not
   * hand the newest number to a server that slept through the last views, or a lineage to a
   * restarted one while a holder of the newest book is about to ping (found by the simulator,
   * seeds 548 and 3957). So it appoints the live server reporting the highest view, the first to
   * ping among equals. Without its disk the service stays outside the safety argument all the same
   * (docs/ARCHITECTURE.md: keep the disk, or run a group).
   */
  private Optional<ViewChange> firstPrimary(long number, Map<String, ServerRecord> servers, long now) {
    if (now - startedAt < timing.deadAfterMs()) return Optional.empty();
    ServerRecord chosen = null;
    for (ServerRecord s : servers.values()) {
      if (detector.dead(s, now)) continue;
      if (chosen == null || s.viewnum > chosen.viewnum) chosen = s;
    }
    return Optional.ofNullable(chosen)
        .map(s -> change(number, s, null, true, now, number == 1 ? "first primary" : "first primary after a restart without the disk", null));
  }

  /**
   * A live server other than {@code primary} (null: any), preferring any over {@code lastResort}
   * (the server that just lost its role, which may still serve after a restart); null if none.
   */
  private ServerRecord idle(Map<String, ServerRecord> servers, long now, String primary, String lastResort) {
    ServerRecord fallback = null;
    for (ServerRecord s : servers.values()) {
      if (s.id.equals(primary) || detector.dead(s, now)) continue;
      if (!s.id.equals(lastResort)) return s;
      fallback = s;
    }
    return fallback;
  }

  private static ViewChange change(long number, ServerRecord primary, ServerRecord backup, boolean rebuild, long now,
      String reason, Long failoverMs) {
    View next = new View(number, primary.id, backup == null ? null : backup.id,
        primary.address, backup == null ? null : backup.address,
        primary.incarnation, backup == null ? null : backup.incarnation, rebuild);
    return new ViewChange(next, now, reason, failoverMs);
  }
}
