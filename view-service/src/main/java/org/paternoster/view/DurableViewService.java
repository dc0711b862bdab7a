package org.paternoster.view;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ViewService} core behind its {@link ViewStore}. Invariant 4, persist before announce:
 * every method that reveals the view first saves any state the core has not saved yet, and throws
 * {@link StoreUnavailable} instead of revealing an unsaved view. Each view change is logged once,
 * after it is durable. Single-threaded like the core (the view service's event loop).
 */
public final class DurableViewService {
  private static final Logger log = LoggerFactory.getLogger(DurableViewService.class);
  private final ViewService core;
  private final ViewStore store;
  private ViewState saved;
  private long loggedViewnum;
  private boolean storeFailing;
  private final ViewMetrics metrics = ViewMetrics.ofProcess();

  /** {@code core} must hold exactly what {@code store} holds (fresh, or restored from it). */
  public DurableViewService(ViewService core, ViewStore store) {
    this.core = core;
    this.store = store;
    this.saved = core.state();
    this.loggedViewnum = core.view().viewnum();
  }

  /** Applies a ping; returns the view to answer with, durable, and the lease granted. */
  public PingAnswer ping(String server, long viewnum, String address, String incarnation, long now) {
    return ping(server, viewnum, viewnum, address, incarnation, now);
  }

  /** Applies a ping that also reports the highest view number the server has seen. */
  public PingAnswer ping(String server, long viewnum, long latestSeen, String address, String incarnation, long now) {
    return ping(server, viewnum, latestSeen, address, incarnation, null, now);
  }

  /** As {@link ViewService#ping(String, long, long, String, String, String, long)}, the view saved before the answer. */
  public PingAnswer ping(String server, long viewnum, long latestSeen, String address, String incarnation, String recoveredFrom,
      long now) {
    PingAnswer answer = core.ping(server, viewnum, latestSeen, address, incarnation, recoveredFrom, now);
    return new PingAnswer(state(), answer.leaseMs());
  }

  /** A ping without an incarnation; the durable view alone. */
  public ViewState ping(String server, long viewnum, String address, long now) {
    return ping(server, viewnum, address, null, now).state();
  }

  /** The connection {@code server} pinged on closed: a crash hint for the failure detector (reveals nothing). */
  public void disconnected(String server, long now) {
    core.disconnected(server, now);
  }

  /** After a crash hint, {@code server}'s own address refused a connection: its process is gone (reveals nothing). */
  public void refused(String server, long closedAt) {
    core.refused(server, closedAt);
  }

  /** The latest lease holder ({@code server/incarnation}) or null. */
  public String leaseHolder() {
    return core.leaseHolder();
  }

  /** Re-evaluates the rules; a store failure is logged (once per outage) and retried next time. */
  public void tick(long now) {
    core.tick(now);
    try {
      persist();
    } catch (StoreUnavailable e) {
      // already logged by persist()
    }
  }

  /** The current view, durable. */
  public ViewState state() {
    persist();
    return core.state();
  }

  /** The history, oldest first; its last entry is the durable current view. */
  public List<ViewChange> history() {
    persist();
    return core.history();
  }

  /** Who pinged and their roles; the roles reveal the view, so it is made durable first. */
  public List<ServerStatus> servers(long now) {
    persist();
    return core.servers(now);
  }

  public PingTiming timing() {
    return core.timing();
  }

  private void persist() {
    ViewState current = core.state();
    if (current.equals(saved)) return;
    try {
      store.save(core.saved());
    } catch (IOException | RuntimeException e) {
      if (!storeFailing) log.error("cannot save the view to {}: withholding view {} until it is saved", store.describe(), current.view().viewnum(), e);
      storeFailing = true;
      throw new StoreUnavailable("view store unavailable: " + e.getMessage(), e);
    }
    if (storeFailing) log.info("view store works again: {}", store.describe());
    storeFailing = false;
    saved = current;
    logChanges();
  }

  private void logChanges() {
    for (ViewChange change : core.history()) {
      if (change.view().viewnum() > loggedViewnum) {
        log.info("{}", change);
        metrics.announced(change);
      }
    }
    loggedViewnum = core.view().viewnum();
  }
}
