package org.paternoster.view;

import java.util.Map;
import java.util.Optional;

/**
 * The MIT 6.824 view-service rules as a pure function: given the current view, what the service
 * knows of every server, and {@code now}, the next view (if any). Rule numbers are issue 2's.
 */
final class ViewRules {
  private final PingTiming timing;

  ViewRules(PingTiming timing) {
    this.timing = timing;
  }

  /** The next view, or empty when nothing must change (rule 6) or the service must wait. */
  Optional<ViewChange> next(ViewState state, Map<String, ServerRecord> servers, long now) {
    View view = state.view();
    long number = view.viewnum() + 1;
    if (view.primary() == null) return firstPrimary(number, servers, now);
    Optional<ViewChange> totalLoss = totalLoss(state, servers, now);
    if (totalLoss.isPresent()) return totalLoss;
    // Rule 2 / invariant 3: never advance past a view its primary has not acknowledged.
    if (!state.acked()) return Optional.empty();

    ServerRecord primary = servers.get(view.primary());
    ServerRecord backup = view.backup() == null ? null : servers.get(view.backup());
    if (primary.failedIn(view, now, timing)) {
      // Rule 4: promote only a live backup that still holds its state; never an idle server.
      if (backup == null || backup.failedIn(view, now, timing)) return Optional.empty();
      ServerRecord newBackup = idle(servers, now, backup.id, primary.id);
      String reason = primary.lostStateIn(view) ? "primary restarted" : "primary dead";
      return Optional.of(change(number, backup, newBackup, now, reason, now - primary.lostSince()));
    }
    if (backup != null && backup.failedIn(view, now, timing)) {
      // Rule 5: replace a dead backup with a live idle server, or with none.
      ServerRecord newBackup = idle(servers, now, primary.id, backup.id);
      String reason = backup.lostStateIn(view) ? "backup restarted" : "backup dead";
      return Optional.of(change(number, primary, newBackup, now, reason, null));
    }
    if (backup == null) {
      ServerRecord newBackup = idle(servers, now, primary.id, null);
      if (newBackup != null) return Optional.of(change(number, primary, newBackup, now, "backup joined", null));
    }
    return Optional.empty();
  }

  /**
   * Beyond MIT, so no one ever has to restart anything by hand: the primary has been lost for
   * {@link PingTiming#totalLossAfterMs()} and no live backup of an acked view can take over
   * (primary and backup both gone, or the primary died before acking). Then a live server — the
   * backup if it lives, else any — becomes primary of a new view; its book is rebuilt from the
   * elevator nodes, which re-submit every call they show lit (invariant 7).
   */
  private Optional<ViewChange> totalLoss(ViewState state, Map<String, ServerRecord> servers, long now) {
    View view = state.view();
    ServerRecord primary = servers.get(view.primary());
    if (!primary.failedIn(view, now, timing) || now - primary.lostSince() < timing.totalLossAfterMs()) return Optional.empty();
    ServerRecord backup = view.backup() == null ? null : servers.get(view.backup());
    boolean backupAlive = backup != null && !backup.failedIn(view, now, timing);
    if (state.acked() && backupAlive) return Optional.empty(); // rule 4 promotes it
    ServerRecord successor = backupAlive ? backup : idle(servers, now, primary.id, null);
    if (successor == null) return Optional.empty();
    ServerRecord newBackup = idle(servers, now, successor.id, primary.id);
    return Optional.of(change(view.viewnum() + 1, successor, newBackup, now, "total loss: rebuilt from the elevators",
        now - primary.lostSince()));
  }

  /** Rule 1: the first server to ping becomes primary of view 1. */
  private Optional<ViewChange> firstPrimary(long number, Map<String, ServerRecord> servers, long now) {
    return servers.values().stream()
        .filter(s -> !s.dead(now, timing))
        .findFirst()
        .map(s -> change(number, s, null, now, "first primary", null));
  }

  /**
   * A live server other than {@code primary}, preferring any over {@code lastResort} (the server
   * that just lost its role, which may still serve as backup after a restart); null if none.
   */
  private ServerRecord idle(Map<String, ServerRecord> servers, long now, String primary, String lastResort) {
    ServerRecord fallback = null;
    for (ServerRecord s : servers.values()) {
      if (s.id.equals(primary) || s.dead(now, timing)) continue;
      if (!s.id.equals(lastResort)) return s;
      fallback = s;
    }
    return fallback;
  }

  private static ViewChange change(long number, ServerRecord primary, ServerRecord backup, long now, String reason, Long failoverMs) {
    View next = new View(number, primary.id, backup == null ? null : backup.id,
        primary.address, backup == null ? null : backup.address);
    return new ViewChange(next, now, reason, failoverMs);
  }
}
