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
 */
final class SimViewService {
  static final String NODE = "vs";

  private final SimNetwork net;
  private final PingTiming timing;
  private final TotalLossPolicy policy;
  private final boolean hasDisk;
  private ViewStore disk = ViewStore.inMemory();
  private DurableViewService service;

  SimViewService(SimNetwork net, PingTiming timing, TotalLossPolicy policy, boolean hasDisk) {
    this.net = net;
    this.timing = timing;
    this.policy = policy;
    this.hasDisk = hasDisk;
  }

  void start() {
    net.revive(NODE);
    if (!hasDisk) disk = ViewStore.inMemory();
    SavedState saved;
    try {
      saved = disk.load().orElse(new SavedState(ViewState.INITIAL, List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service = new DurableViewService(new ViewService(timing, policy, saved, now()), disk);
    tickLoop();
  }

  void crash() {
    net.crash(NODE);
    service = null;
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

  PingAnswer ping(String server, long viewnum, long latest, String address, String incarnation) {
    return service == null ? null : service.ping(server, viewnum, latest, address, incarnation, now());
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
