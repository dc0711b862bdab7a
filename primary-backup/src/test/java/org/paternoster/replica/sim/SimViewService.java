package org.paternoster.replica.sim;

import org.paternoster.view.PingTiming;
import org.paternoster.view.View;
import org.paternoster.view.ViewService;

/** The view service core on the simulated network, ticking like its verticle does. */
final class SimViewService {
  private final SimNetwork net;
  private final ViewService core;

  SimViewService(SimNetwork net, PingTiming timing) {
    this.net = net;
    this.core = new ViewService(timing);
    tickLoop(timing.tickMs());
  }

  private void tickLoop(long every) {
    core.tick(net.now());
    net.timer(SimCluster.VS, every, () -> tickLoop(every));
  }

  View ping(String server, long viewnum, String address) {
    return core.ping(server, viewnum, address, net.now());
  }

  View view() {
    return core.view();
  }

  ViewService core() {
    return core;
  }
}
