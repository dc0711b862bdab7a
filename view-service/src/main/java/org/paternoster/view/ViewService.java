package org.paternoster.view;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view service core: decides who is primary and who is backup from pings. Sans-I/O: no
 * threads, no clock, no I/O; {@code now} is a monotonic millisecond time passed by the caller, and
 * the caller serializes all calls (not thread-safe). The rules are issue 2's (MIT 6.824 rules
 * 1-6) and are re-evaluated on every {@link #ping} and every {@link #tick}.
 *
 * <p>Invariant 4 is the caller's half: when {@link #state()} differs after a call, the caller
 * persists {@link #saved()} before revealing the new view to anyone.
 */
public final class ViewService {
  /** How many history entries are kept (oldest are dropped). */
  public static final int HISTORY_LIMIT = 500;
  /** An idle server silent for this many dead intervals is forgotten. */
  private static final int FORGET_AFTER_DEAD_INTERVALS = 100;

  private final PingTiming timing;
  private final ViewRules rules;
  private final Map<String, ServerRecord> servers = new LinkedHashMap<>();
  private final Deque<ViewChange> history = new ArrayDeque<>();
  private View view;
  private boolean acked;

  /** A fresh service at view 0. */
  public ViewService(PingTiming timing) {
    this(timing, new SavedState(ViewState.INITIAL, List.of()), 0);
  }

  /**
   * A service resuming from a saved state (rule 7). The restored primary and backup get a full
   * dead interval of grace from {@code now}. They are assumed to have reported a non-zero view
   * number, so one that pings 0 is treated as restarted: a lost state is never taken for a fresh
   * one (invariant 1). The exception is the primary of an un-acked view 1, which may rightly
   * still ping 0.
   */
  public ViewService(PingTiming timing, SavedState saved, long now) {
    this.timing = timing;
    this.rules = new ViewRules(timing);
    this.view = saved.state().view();
    this.acked = saved.state().acked();
    saved.history().forEach(this::remember);
    if (view.primary() != null) {
      long reported = acked || view.viewnum() >= 2 ? view.viewnum() : 0;
      servers.put(view.primary(), new ServerRecord(view.primary(), now, reported, view.primaryAddress()));
    }
    if (view.backup() != null) {
      servers.put(view.backup(), new ServerRecord(view.backup(), now, view.viewnum(), view.backupAddress()));
    }
  }

  /**
   * Applies a ping from {@code server}, which reports the view number it knows ({@code 0} after
   * a restart) and optionally its address, then re-evaluates the rules.
   *
   * @return the current view after the ping, the reply the server gets
   */
  public View ping(String server, long viewnum, String address, long now) {
    ServerRecord record = servers.get(server);
    if (record == null) {
      record = new ServerRecord(server, now, viewnum, address);
      servers.put(server, record);
    } else {
      // Rule 3: a primary or backup pinging 0 after a non-zero report restarted and lost its state.
      if (viewnum == 0 && record.viewnum > 0 && view.hasRole(server)) record.lostStateInView = view.viewnum();
      record.lastPing = now;
      if (!record.lostStateIn(view)) record.lastGoodPing = now;
      record.viewnum = viewnum;
      if (address != null) record.address = address;
    }
    // Rule 2: the primary acknowledges the current view by pinging with its number.
    if (view.isPrimary(server) && viewnum == view.viewnum()) acked = true;
    evaluate(now);
    return view;
  }

  /** Re-evaluates the rules at {@code now}: detects dead servers and forgets long-gone idle ones. */
  public void tick(long now) {
    servers.values().removeIf(s -> !view.hasRole(s.id)
        && now - s.lastPing >= FORGET_AFTER_DEAD_INTERVALS * timing.deadAfterMs());
    evaluate(now);
  }

  private void evaluate(long now) {
    rules.next(state(), servers, now).ifPresent(change -> {
      view = change.view();
      acked = false;
      remember(change);
    });
  }

  private void remember(ViewChange change) {
    history.addLast(change);
    while (history.size() > HISTORY_LIMIT) history.removeFirst();
  }

  public View view() {
    return view;
  }

  /** Whether the primary of the current view has pinged with its number. */
  public boolean acked() {
    return acked;
  }

  public ViewState state() {
    return new ViewState(view, acked);
  }

  /** The announced views, oldest first, at most {@link #HISTORY_LIMIT}. */
  public List<ViewChange> history() {
    return List.copyOf(history);
  }

  /** The latest view change, or null at view 0. */
  public ViewChange lastChange() {
    return history.peekLast();
  }

  /** What must be persisted (invariant 4) to resume after a restart. */
  public SavedState saved() {
    return new SavedState(state(), history());
  }

  /** Every server the service remembers, in order of first ping. */
  public List<ServerStatus> servers(long now) {
    List<ServerStatus> out = new ArrayList<>(servers.size());
    for (ServerRecord s : servers.values()) {
      ServerStatus.Role role = view.isPrimary(s.id) ? ServerStatus.Role.PRIMARY
          : view.isBackup(s.id) ? ServerStatus.Role.BACKUP : ServerStatus.Role.IDLE;
      out.add(new ServerStatus(s.id, role, now - s.lastPing, s.viewnum, s.address, !s.dead(now, timing)));
    }
    return out;
  }

  public PingTiming timing() {
    return timing;
  }
}
