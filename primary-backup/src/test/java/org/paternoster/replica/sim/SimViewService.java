package org.paternoster.replica.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.paternoster.view.DurableViewService;
import org.paternoster.view.PingAnswer;
import org.paternoster.view.PingTiming;
import org.paternoster.view.SavedState;
import org.paternoster.view.TotalLossPolicy;
import org.paternoster.view.View;
import org.paternoster.view.ViewService;
import org.paternoster.view.ViewState;
import org.paternoster.view.ViewStore;

/**
 * The real view-service core ({@link DurableViewService} over {@link ViewService}) on the simulated
 * network, ticking like its verticle does. Its disk is a {@link ViewStore} that survives a crash
 * when the service has one, and is lost with the process when it has none.
 *
 * <p>A leader change of a replicated view service (issue 12) is modelled as what
 * {@code GroupAuthority} does: the new leader builds its service from the replicated (durable)
 * state, with a restart's grace, while the deposed leader, not yet aware, keeps answering some
 * pings with the last view it made durable and no lease (a lease answer waits for a leadership
 * confirmation it can no longer get; a new view of its own cannot be written).
 */
final class SimViewService {
  static final String NODE = "vs";

  private final SimNetwork net;
  private final PingTiming timing;
  private final TotalLossPolicy policy;
  private final boolean hasDisk;
  private ViewStore disk = ViewStore.inMemory();
  private DurableViewService service;
  private ViewState zombie; // what a deposed leader still answers with, until zombieUntil
  private long zombieUntil;

  SimViewService(SimNetwork net, PingTiming timing, TotalLossPolicy policy, boolean hasDisk) {
    this.net = net;
    this.timing = timing;
    this.policy = policy;
    this.hasDisk = hasDisk;
  }

  /** A new leader from the durable state; the old one answers half the pings for {@code zombieMs}. */
  void changeLeader(long zombieMs) {
    if (service == null) return;
    zombie = service.state();
    zombieUntil = now() + zombieMs;
    service = new DurableViewService(new ViewService(timing, policy, load(), now()), disk);
  }

  void start() {
    net.revive(NODE);
    if (!hasDisk) disk = ViewStore.inMemory();
    zombie = null;
    service = new DurableViewService(new ViewService(timing, policy, load(), now()), disk);
    tickLoop();
  }

  private SavedState load() {
    try {
      return disk.load().orElse(new SavedState(ViewState.INITIAL, List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void crash() {
    net.crash(NODE);
    service = null;
    zombie = null;
  }

  boolean up() {
    return service != null;
  }

  private long now() {
    return net.localNow(NODE);
  }

  private void tickLoop() {
    if (service == null) return;
    service.tick(now());
    net.timer(NODE, timing.tickMs(), this::tickLoop);
  }

  PingAnswer ping(String server, long viewnum, long latest, String address, String incarnation, String recoveredFrom) {
    if (service == null) return null;
    if (zombie != null && now() < zombieUntil && net.random.nextBoolean()) return new PingAnswer(zombie, 0);
    return service.ping(server, viewnum, latest, address, incarnation, recoveredFrom, now());
  }

  /** After such a close, a connection attempt to {@code server}'s port was refused (CrashProbe). */
  void refused(String server) {
    if (service != null) service.refused(server, now());
  }

  /** The connection {@code server} pinged on closed (its crash, or its own timeout): the crash hint. */
  void disconnected(String server) {
    if (service != null) service.disconnected(server, now());
  }

  /** The current view (durable), or {@link View#INITIAL} while down. */
  View view() {
    return service == null ? View.INITIAL : service.state().view();
  }

  boolean acked() {
    return service != null && service.state().acked();
  }

  TotalLossPolicy policy() {
    return policy;
  }
}
