package org.paternoster.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One end of a sealed byte stream between two members (the consensus port's tunnel): a mutual
 * challenge-response under the cluster secret, then every chunk of the stream sealed. Sans-I/O:
 * the shell feeds it what arrived ({@link #receive}) and writes what it returns; one per TCP
 * connection end, used on that connection's event loop.
 *
 * <p>The wire: each end first sends {@code "PNT1"} and a fresh 16-byte nonce. On the other's
 * hello, each sends its proof, HMAC-SHA256 under the secret of {@code (role, client nonce,
 * server nonce)}. Neither end passes a byte of the stream on before the other's proof verifies,
 * so a stranger (no secret) is closed having delivered nothing, and answering <em>as</em> a
 * member is as impossible as connecting as one. Both nonces are fresh, so a recorded handshake
 * proves nothing in a new connection; the role in the proof keeps one end's proof from being
 * reflected back as the other's. Then each chunk is {@code length (4 bytes), bytes, MAC (32
 * bytes)}, the MAC under a key of this connection (derived from both nonces) over the direction,
 * the chunk's number and its bytes: a chunk is accepted only as the next one from the other end,
 * so a forged, altered, dropped, replayed, reordered or reflected chunk fails the stream. Bytes
 * are authenticated, not hidden (docs/SECURITY.md).
 *
 * <p>Invariant: {@link Step#deliver()} never holds a byte that did not come, unaltered and in
 * order, from a holder of the secret; after {@link Step#failed()} nothing more is delivered.
 */
public final class TunnelSeal {
  /** Which end: the one that connected, or the one that accepted. */
  public enum Role { CLIENT, SERVER }

  /** The largest chunk either end sends or accepts; a longer length field fails the stream. */
  public static final int MAX_CHUNK = 64 * 1024;
  static final byte[] MAGIC = "PNT1".getBytes(StandardCharsets.US_ASCII);
  static final int NONCE = 16;
  static final int MAC = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What one call produced: bytes to write to the other end (a proof, sealed chunks), stream
   * bytes to pass on (in order), and whether the stream failed (then close the connection; the
   * reason is for the log).
   */
  public record Step(byte[] send, byte[] deliver, Optional<String> failed) {
    static Step of(byte[] send, byte[] deliver) {
      return new Step(send, deliver, Optional.empty());
    }

    static Step fail(String why) {
      return new Step(new byte[0], new byte[0], Optional.of(why));
    }
  }

  private enum State { AWAIT_HELLO, AWAIT_PROOF, OPEN, FAILED }

  private final byte[] secret;
  private final Role role;
  private final byte[] ownNonce;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private State state = State.AWAIT_HELLO;
  private byte[] clientNonce;
  private byte[] serverNonce;
  private Mac chunkMac;
  private long sent;
  private long received;
  private String failure;

  /** An end with a fresh random nonce. */
  public TunnelSeal(ClusterSecret secret, Role role) {
    this(secret.key(), role, randomNonce());
  }

  TunnelSeal(byte[] secret, Role role, byte[] ownNonce) {
    this.secret = secret.clone();
    this.role = role;
    this.ownNonce = ownNonce.clone();
  }

  /** What this end sends first, at once on connecting or accepting. */
  public byte[] hello() {
    return ByteBuffer.allocate(MAGIC.length + NONCE).put(MAGIC).put(ownNonce).array();
  }

  /** Whether both proofs are verified and stream bytes flow. */
  public boolean open() {
    return state == State.OPEN;
  }

  /** Feeds bytes that arrived from the other end. */
  public Step receive(byte[] bytes) {
    if (state == State.FAILED) return Step.fail("stream already failed");
    pending.writeBytes(bytes);
    ByteArrayOutputStream send = new ByteArrayOutputStream();
    ByteArrayOutputStream deliver = new ByteArrayOutputStream();
    while (true) {
      byte[] buffered = pending.toByteArray();
      int used = switch (state) {
        case AWAIT_HELLO -> takeHello(buffered, send);
        case AWAIT_PROOF -> takeProof(buffered);
        case OPEN -> takeChunk(buffered, deliver);
        case FAILED -> 0;
      };
      if (state == State.FAILED) return Step.fail(failure);
      if (used == 0) break;
      pending.reset();
      pending.write(buffered, used, buffered.length - used);
    }
    return Step.of(send.toByteArray(), deliver.toByteArray());
  }

  /** {@code bytes} of the stream as sealed chunks for the other end; only once {@link #open()}. */
  public byte[] seal(byte[] bytes) {
    if (state != State.OPEN) throw new IllegalStateException("the tunnel is not open");
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
    for (int from = 0; from < bytes.length; from += MAX_CHUNK) {
      byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + MAX_CHUNK));
      out.writeBytes(ByteBuffer.allocate(4).putInt(chunk.length).array());
      out.writeBytes(chunk);
      out.writeBytes(chunkMac(role, ++sent, chunk));
    }
    return out.toByteArray();
  }

  private int takeHello(byte[] buffered, ByteArrayOutputStream send) {
    int n = MAGIC.length + NONCE;
    int head = Math.min(buffered.length, MAGIC.length);
    if (!Arrays.equals(Arrays.copyOf(buffered, head), Arrays.copyOf(MAGIC, head))) return fail("not a Paternoster tunnel");
    if (buffered.length < n) return 0;
    byte[] theirs = Arrays.copyOfRange(buffered, MAGIC.length, n);
    clientNonce = role == Role.CLIENT ? ownNonce : theirs;
    serverNonce = role == Role.SERVER ? ownNonce : theirs;
    if (Arrays.equals(clientNonce, serverNonce)) return fail("the other end echoed this end's nonce");
    send.writeBytes(proof(role));
    state = State.AWAIT_PROOF;
    return n;
  }

  private int takeProof(byte[] buffered) {
    if (buffered.length < MAC) return 0;
    Role other = role == Role.CLIENT ? Role.SERVER : Role.CLIENT;
    if (!MessageDigest.isEqual(Arrays.copyOf(buffered, MAC), proof(other))) {
      return fail("the other end's proof does not verify (not a member, or another cluster secret)");
    }
    chunkMac = hmac(hmac(secret, "paternoster-tunnel-v1 key", clientNonce, serverNonce));
    state = State.OPEN;
    return MAC;
  }

  private int takeChunk(byte[] buffered, ByteArrayOutputStream deliver) {
    if (buffered.length < 4) return 0;
    int length = ByteBuffer.wrap(buffered, 0, 4).getInt();
    if (length < 0 || length > MAX_CHUNK) return fail("chunk length " + length + " is out of bounds");
    int n = 4 + length + MAC;
    if (buffered.length < n) return 0;
    byte[] chunk = Arrays.copyOfRange(buffered, 4, 4 + length);
    Role other = role == Role.CLIENT ? Role.SERVER : Role.CLIENT;
    if (!MessageDigest.isEqual(Arrays.copyOfRange(buffered, 4 + length, n), chunkMac(other, received + 1, chunk))) {
      return fail("chunk " + (received + 1) + " does not verify (forged, altered, replayed or out of order)");
    }
    received++;
    deliver.writeBytes(chunk);
    return n;
  }

  private int fail(String why) {
    state = State.FAILED;
    failure = why;
    pending.reset();
    return 0;
  }

  private byte[] proof(Role of) {
    return hmac(secret, "paternoster-tunnel-v1 proof " + of, clientNonce, serverNonce);
  }

  private byte[] chunkMac(Role from, long number, byte[] chunk) {
    chunkMac.update(("paternoster-tunnel-v1 " + from + " " + number + "\n").getBytes(StandardCharsets.US_ASCII));
    return chunkMac.doFinal(chunk);
  }

  private static byte[] hmac(byte[] key, String label, byte[] a, byte[] b) {
    Mac mac = hmac(key);
    mac.update((label + "\n").getBytes(StandardCharsets.US_ASCII));
    mac.update(a);
    return mac.doFinal(b);
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  private static byte[] randomNonce() {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    return nonce;
  }
}
