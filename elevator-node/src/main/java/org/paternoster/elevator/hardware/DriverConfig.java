package org.paternoster.elevator.hardware;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the elevator server is and how the {@link ElevatorDriver} talks to it.
 *
 * @param pollIntervalMs time between polls: the mean wait before a press is seen is half of it; a
 *     button press lasts about 200 ms, so at most a few tens
 * @param pollTimeoutMs a poll not fully answered within this is abandoned and the connection reset
 * @param minBackoffMs first reconnect delay; doubled on every failed attempt up to {@code maxBackoffMs}
 * @param pipelined whether a poll writes all its reads at once (for a server that answers them in
 *     one segment: the built-in simulator), or one read at a time, each after the last one's reply
 *     (lock-step, the default). The course's servers answer one request at a time with Nagle's
 *     algorithm on, so each reply of a pipelined poll but the first waits for the driver's delayed
 *     ACK: a 13-read poll took 44 ms there, against under 1 ms in lock-step (docs/BENCHMARKS.md)
 */
public record DriverConfig(
    String host,
    int port,
    int floors,
    long pollIntervalMs,
    long pollTimeoutMs,
    long minBackoffMs,
    long maxBackoffMs,
    int connectTimeoutMs,
    boolean pipelined) {

  public static final int DEFAULT_PORT = 15657;
  /** The default poll interval (docs/BENCHMARKS.md, "Button to light"). */
  public static final long DEFAULT_POLL_MS = 20;
  private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([^\\]]+)]|([^:\\[\\]]*))(?::(\\d{1,5}))?");

  public DriverConfig {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("host is required");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535");
    if (floors < 2 || floors > 255) throw new IllegalArgumentException("floors must be 2..255");
    if (pollIntervalMs < 1 || pollTimeoutMs < 1 || connectTimeoutMs < 1) {
      throw new IllegalArgumentException("intervals and timeouts must be positive");
    }
    if (minBackoffMs < 1 || maxBackoffMs < minBackoffMs) {
      throw new IllegalArgumentException("backoff must satisfy 1 <= min <= max");
    }
  }

  /** Defaults: poll every {@link #DEFAULT_POLL_MS} in lock-step, 500 ms poll timeout, reconnect backoff 100 ms to 2 s. */
  public static DriverConfig of(String host, int port, int floors) {
    return new DriverConfig(host, port, floors, DEFAULT_POLL_MS, 500, 100, 2000, 1000, false);
  }

  /** The same server polled every {@code ms} milliseconds. */
  public DriverConfig withPollIntervalMs(long ms) {
    return new DriverConfig(host, port, floors, ms, pollTimeoutMs, minBackoffMs, maxBackoffMs, connectTimeoutMs, pipelined);
  }

  /** The same server polled with all of a poll's reads written at once (see {@code pipelined}). */
  public DriverConfig withPipelinedPolls() {
    return new DriverConfig(host, port, floors, pollIntervalMs, pollTimeoutMs, minBackoffMs, maxBackoffMs, connectTimeoutMs, true);
  }

  /**
   * Parses {@code HOST:PORT}, {@code [IPV6]:PORT} or just {@code HOST} (port 15657), with the
   * default timing of {@link #of}.
   *
   * @throws IllegalArgumentException when it is none of these
   */
  public static DriverConfig parse(String hostPort, int floors) {
    Matcher m = HOST_PORT.matcher(hostPort);
    if (!m.matches()) throw new IllegalArgumentException("not HOST:PORT: " + hostPort);
    String host = m.group(1) != null ? m.group(1) : m.group(2);
    int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
    return of(host, port, floors);
  }
}
