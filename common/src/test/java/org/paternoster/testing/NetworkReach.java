package org.paternoster.testing;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * Whether a port of this machine can be reached from its network, as another machine would: by
 * connecting to one of this machine's own non-loopback addresses. For the rule that a process
 * without a cluster secret listens on loopback only ({@code BindPolicy}).
 */
public final class NetworkReach {
  private NetworkReach() {}

  /** An IPv4 address of this machine that is not loopback, if it has one (a bare container may not). */
  public static Optional<InetAddress> ownNetworkAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) continue;
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.of(a);
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether a TCP connection to {@code port} on {@code address} is accepted (within a second). */
  public static boolean accepts(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
