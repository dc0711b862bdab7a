package org.paternoster.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on loopback, for servers that must be started on a known port (child processes).
 *
 * <p>Ports come from 20000–32767, below Linux's ephemeral range (32768–60999): a port picked
 * with {@code new ServerSocket(0)} is an ephemeral one, and between the pick and the child's
 * bind, any outgoing connection on the machine may be given it as its local port (seen as
 * "Address already in use" in multi-process tests under load). Here that cannot happen; a port is
 * handed out at most once per JVM, so a restarted child can keep its port without a sibling
 * taking it.
 */
public final class FreePorts {
  private static final int LOW = 20_000;
  private static final int HIGH = 32_767;
  private static final Set<Integer> given = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A port that was free a moment ago and was never given out before by this JVM. */
  public static int pick() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOW, HIGH + 1);
      if (!given.add(port)) continue;
      if (bindable(port)) return port;
    }
    throw new IllegalStateException("no free port in " + LOW + "-" + HIGH);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
