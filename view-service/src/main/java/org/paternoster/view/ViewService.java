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
  private final FailureDetector detector;
  private final ViewRules rules;
  private final Map<String, ServerRecord> servers = new LinkedHashMap<>();
  private final Deque<ViewChange> history = new ArrayDeque<>();
  private final LeaseLedger leases;
  private View view;
  private boolean acked;
  /** The highest view number any server reported: a new view is always numbered above it. */
  private long maxReported;

  /** A fresh service at view 0, started at time 0, rebuilding after a total loss. */
  public ViewService(PingTiming timing) {
    this(timing, TotalLossPolicy.REBUILD, new SavedState(ViewState.INITIAL, List.of()), 0);
  }

  /** A service resuming from {@code saved} at {@code now}, rebuilding after a total loss. */
  public ViewService(PingTiming timing, SavedState saved, long now) {
    this(timing, TotalLossPolicy.REBUILD, saved, now);
  }

  /**
   * A service resuming from a saved state (rule 7), or starting from {@link ViewState#INITIAL}
   * (first start, or a restart without its disk). The restored primary and backup get a full dead
   * interval of grace from {@code now}. They are assumed to have reported a non-zero view number,
   * so one that pings 0 is treated as restarted: a lost state is never taken for a fresh one
   * (invariant 1). The exception is the primary of an un-acked view 1, which may rightly still
   * ping 0. No lease is granted for one guard time from {@code now} ({@link LeaseLedger}).
   */
  public ViewService(PingTiming timing, TotalLossPolicy onTotalLoss, SavedState saved, long now) {
    this.timing = timing;
    this.detector = new FailureDetector(timing, now);
    this.rules = new ViewRules(timing, detector, onTotalLoss, now);
    this.leases = new LeaseLedger(timing, now);
    this.view = saved.state().view();
    this.acked = saved.state().acked();
    this.maxReported = view.viewnum();
    saved.history().forEach(this::remember);
    if (view.primary() != null) {
      long reported = acked || view.viewnum() >= 2 ? view.viewnum() : 0;
      meet(new ServerRecord(view.primary(), now, reported, view.primaryAddress(), view.primaryIncarnation()), now);
    }
    if (view.backup() != null) {
      meet(new ServerRecord(view.backup(), now, view.viewnum(), view.backupAddress(), view.backupIncarnation()), now);
    }
  }

  /** A ping without an incarnation (an old client, or a test): restarts are seen by viewnum 0 only. */
  public View ping(String server, long viewnum, String address, long now) {
    return ping(server, viewnum, address, null, now).view();
  }

  /**
   * Applies a ping from process {@code incarnation} of {@code server}, which reports the view number
   * it knows ({@code 0} after a restart) and optionally its address, re-evaluates the rules, and
   * grants the lease if the pinger is the primary of the resulting view (invariant 2).
   *
   * @return the view after the ping and the lease granted, the reply the server gets
   */
  public PingAnswer ping(String server, long viewnum, String address, String incarnation, long now) {
    return ping(server, viewnum, viewnum, address, incarnation, now);
  }

  /**
   * As above, where {@code latestSeen} is the highest view number the server has seen (at least
   * {@code viewnum}, which it reports only once it holds the state that view requires): new views
   * are numbered above it, so even a view service that lost its disk never reuses a number a
   * replica knows (invariant 4).
   */
  public PingAnswer ping(String server, long viewnum, long latestSeen, String address, String incarnation, long now) {
    return ping(server, viewnum, latestSeen, address, incarnation, null, now);
  }

  /**
   * As above, where {@code recoveredFrom} (null: none) is the incarnation whose durable book the
   * server recovered and has not changed since: a process the current view named and lost may be
   * succeeded by this one under {@link TotalLossPolicy#WAIT} (invariant 9).
   */
  public PingAnswer ping(String server, long viewnum, long latestSeen, String address, String incarnation, String recoveredFrom,
      long now) {
    detector.observe(now);
    ServerRecord record = servers.get(server);
    if (record == null) {
      record = meet(new ServerRecord(server, now, viewnum, address, incarnation), now);
    } else {
      // Rule 3 / invariant 8: a primary or backup of another incarnation, or pinging 0 after a
      // non-zero report, restarted and lost its state. Where both incarnations are known they
      // decide alone: a 0 from the same one is no restart (the primary of a new lineage reports 0
      // until its backup holds its book, while a service that restarted from its disk assumed it
      // had reported the view; taking that 0 for a restart stopped a WAIT service for good).
      boolean known = incarnation != null && record.incarnation != null;
      boolean newIncarnation = known && !incarnation.equals(record.incarnation);
      boolean forgot = !known && viewnum == 0 && record.viewnum > 0;
      if ((newIncarnation || forgot) && view.hasRole(server)) record.lostStateInView = view.viewnum();
      if (newIncarnation) detector.met(record, now);
      detector.heard(record, now);
      if (!record.lostStateIn(view)) record.lastGoodPing = now;
      record.viewnum = viewnum;
      if (address != null) record.address = address;
      if (incarnation != null) record.incarnation = incarnation;
    }
    record.recoveredFrom = recoveredFrom;
    maxReported = Math.max(maxReported, Math.max(viewnum, latestSeen));
    // Rule 2: the primary acknowledges the current view by pinging with its number.
    if (view.isPrimary(server, incarnation) && viewnum == view.viewnum() && !record.lostStateIn(view)) acked = true;
    evaluate(now);
    boolean leased = view.isPrimary(server, incarnation) && !record.lostStateIn(view)
        && leases.grant(LeaseLedger.key(server, incarnation), now);
    return new PingAnswer(state(), leased ? timing.leaseMs() : 0);
  }

  /**
   * The connection {@code server} pinged on closed at {@code now}: unless it pings again within
   * {@link PingTiming#closeGraceMs()}, it crashed ({@link FailureDetector}). Unknown servers are ignored.
   */
  public void disconnected(String server, long now) {
    detector.observe(now);
    ServerRecord record = servers.get(server);
    if (record != null) detector.closed(record, now);
  }

  /**
   * The connection attempt to {@code server}'s address made for its connection's close at
   * {@code closedAt} was refused: its process is gone, and it is dead at once unless it pinged since
   * ({@link FailureDetector}). The next {@link #tick} acts on it. Unknown servers are ignored.
   */
  public void refused(String server, long closedAt) {
    ServerRecord record = servers.get(server);
    if (record != null) detector.refused(record, closedAt);
  }

  /** Re-evaluates the rules at {@code now}: detects dead servers and forgets long-gone idle ones. */
  public void tick(long now) {
    detector.observe(now);
    servers.values().removeIf(s -> !view.hasRole(s.id)
        && now - s.lastPing >= FORGET_AFTER_DEAD_INTERVALS * timing.deadAfterMs());
    evaluate(now);
  }

  private ServerRecord meet(ServerRecord record, long now) {
    detector.met(record, now);
    servers.put(record.id, record);
    return record;
  }

  private void evaluate(long now) {
    rules.next(state(), servers, maxReported, leases.allExpired(now), now).ifPresent(change -> {
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
      out.add(new ServerStatus(s.id, role, now - s.lastPing, s.viewnum, s.address, !detector.dead(s, now)));
    }
    return out;
  }

  public PingTiming timing() {
    return timing;
  }

  /** The latest lease holder as {@code server/incarnation}, or null (for {@code GET /view}). */
  public String leaseHolder() {
    return leases.holder();
  }
}
