package org.paternoster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free TCP ports on loopback, for servers that must be started on a known port (child processes). */
public final class FreePorts {
  private FreePorts() {}

  /** A port that was free a moment ago. Prefer port 0 + actualPort() for in-JVM servers. */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
