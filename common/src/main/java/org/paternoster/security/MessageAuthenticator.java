package org.paternoster.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates the messages between the processes of one cluster with HMAC-SHA256 under the
 * {@link ClusterSecret} (sans-I/O: bytes and the wall clock in, a header or a verdict out).
 *
 * <p>A request carries {@code Paternoster-Auth: v1;ts=<epoch ms>;nonce=<random>;mac=<base64url>}
 * with the MAC over the method, the path and query, the timestamp, the nonce and the body. The
 * nonce is the sender's session and the message's number in it; a message is accepted once
 * ({@link ReplayGuard}, an anti-replay window per sender session) and only while its timestamp is
 * within {@code windowMs} of this process's wall clock: <b>assumption</b>, the members' wall clocks
 * differ by less than the window (NTP on a LAN keeps them within milliseconds; the default window
 * is 30 s). A larger skew refuses every message and is logged as such; it never admits one.
 *
 * <p>The answer carries the same header with a MAC over the request's nonce, the status and the
 * body, so a client believes only the member it asked, about the question it asked (a spoofed
 * view service or primary cannot answer). Request and answer MACs are domain-separated.
 */
public final class MessageAuthenticator {
  public static final String HEADER = "Paternoster-Auth";
  public static final long DEFAULT_WINDOW_MS = 30_000;
  /** Live sender sessions remembered (one per process incarnation that talks to us). */
  static final int REPLAY_CAPACITY = 10_000;
  private static final String VERSION = "v1";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final LongSupplier wallClockMs;
  private final long windowMs;
  private final ReplayGuard replays;
  private final String session;
  private final AtomicLong sent = new AtomicLong();
  private final ThreadLocal<Mac> macs;

  public MessageAuthenticator(ClusterSecret secret, LongSupplier wallClockMs, long windowMs) {
    this(secret, wallClockMs, windowMs, REPLAY_CAPACITY);
  }

  MessageAuthenticator(ClusterSecret secret, LongSupplier wallClockMs, long windowMs, int replayCapacity) {
    this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
    this.wallClockMs = wallClockMs;
    this.windowMs = windowMs;
    this.replays = new ReplayGuard(replayCapacity, 2 * windowMs);
    byte[] id = new byte[12];
    new SecureRandom().nextBytes(id);
    this.session = B64.encodeToString(id);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A signed request: the header to send and the nonce its answer must name. */
  public record Signed(String header, String nonce) {}

  /** Whether a request is accepted, and if not why (for the 401 body and the log). */
  public sealed interface Verdict {
    record Accepted(String nonce) implements Verdict {}

    record Refused(String reason) implements Verdict {}
  }

  public Signed signRequest(String method, String target, byte[] body) {
    long ts = wallClockMs.getAsLong();
    String nonce = session + "." + sent.incrementAndGet();
    String mac = mac(requestPrefix(method, target, ts, nonce), body);
    return new Signed(VERSION + ";ts=" + ts + ";nonce=" + nonce + ";mac=" + mac, nonce);
  }

  /**
   * Checks a request's header. Order matters: the MAC first (a stranger learns nothing and fills
   * no table), then freshness, then the nonce.
   */
  public Verdict checkRequest(String header, String method, String target, byte[] body) {
    if (header == null) return new Verdict.Refused("missing " + HEADER + " header: this endpoint is for cluster members");
    Fields f = Fields.parse(header);
    if (f == null) return new Verdict.Refused("malformed " + HEADER + " header");
    if (!matches(mac(requestPrefix(method, target, f.ts, f.nonce), body), f.mac)) {
      return new Verdict.Refused("bad " + HEADER + " signature (another cluster's secret, or an altered message)");
    }
    long now = wallClockMs.getAsLong();
    if (f.ts < now - windowMs || f.ts > now + windowMs) {
      return new Verdict.Refused("stale or future timestamp (" + (now - f.ts) + " ms off; are the members' clocks synchronized?)");
    }
    return switch (replays.admit(f.session(), f.number(), now)) {
      case FIRST -> new Verdict.Accepted(f.nonce);
      case REPLAYED -> new Verdict.Refused("replayed message");
      case FULL -> new Verdict.Refused("too many messages in the replay window");
    };
  }

  /** The nonce of a request header this authenticator accepted (null when malformed). */
  static String nonceOf(String header) {
    Fields f = header == null ? null : Fields.parse(header);
    return f == null ? null : f.nonce();
  }

  /** The seal for the frames of a link whose upgrade carried {@code nonce}, at {@code end}. */
  LinkSeal linkSeal(String nonce, LinkSeal.End end) {
    return new LinkSeal(key.getEncoded(), nonce, end);
  }

  /** The header for the answer to the request that carried {@code requestNonce}. */
  public String signResponse(String requestNonce, int status, byte[] body) {
    return VERSION + ";mac=" + mac(responsePrefix(requestNonce, status), body);
  }

  /** Whether an answer's header authenticates it as the answer to our request {@code requestNonce}. */
  public boolean checkResponse(String header, String requestNonce, int status, byte[] body) {
    if (header == null || !header.startsWith(VERSION + ";mac=")) return false;
    return matches(mac(responsePrefix(requestNonce, status), body), header.substring(VERSION.length() + 5));
  }

  private static String requestPrefix(String method, String target, long ts, String nonce) {
    return "paternoster-request-" + VERSION + "\n" + method.toUpperCase(java.util.Locale.ROOT) + "\n" + target + "\n" + ts + "\n" + nonce + "\n";
  }

  private static String responsePrefix(String nonce, int status) {
    return "paternoster-response-" + VERSION + "\n" + nonce + "\n" + status + "\n";
  }

  private String mac(String prefix, byte[] body) {
    Mac mac = macs.get();
    mac.update(prefix.getBytes(StandardCharsets.UTF_8));
    if (body != null) mac.update(body);
    return B64.encodeToString(mac.doFinal());
  }

  private static boolean matches(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  /**
   * The request header's fields; null when it is not exactly {@code v1;ts=N;nonce=S.N;mac=S}. The
   * nonce is the sender's session (random per process) and the message's number in it.
   */
  private record Fields(long ts, String nonce, String mac) {
    String session() {
      return nonce.substring(0, nonce.lastIndexOf('.'));
    }

    long number() {
      return Long.parseLong(nonce.substring(nonce.lastIndexOf('.') + 1));
    }

    static Fields parse(String header) {
      String[] parts = header.split(";", -1);
      if (parts.length != 4 || !VERSION.equals(parts[0])) return null;
      if (!parts[1].startsWith("ts=") || !parts[2].startsWith("nonce=") || !parts[3].startsWith("mac=")) return null;
      String nonce = parts[2].substring(6);
      String mac = parts[3].substring(4);
      int dot = nonce.lastIndexOf('.');
      if (dot < 1 || nonce.length() > 64 || mac.isEmpty() || mac.length() > 64) return null;
      try {
        if (Long.parseLong(nonce.substring(dot + 1)) <= 0) return null;
        return new Fields(Long.parseLong(parts[1].substring(3)), nonce, mac);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
