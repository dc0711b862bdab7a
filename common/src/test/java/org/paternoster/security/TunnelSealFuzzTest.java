package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paternoster.security.TunnelSeal.Role;
import org.paternoster.security.TunnelSeal.Step;

/**
 * Hostile bytes at the consensus gate ({@link TunnelSeal} is what parses them): random bytes, a
 * stranger's well-formed handshake, and a member's genuine stream with bytes changed, dropped,
 * duplicated or cut, all fed in random slices. Nothing throws; a stranger gets nothing delivered;
 * from a tampered stream, what is delivered is always an unaltered prefix of what the member sent.
 */
class TunnelSealFuzzTest {
  private static final byte[] KEY = "tunnel-fuzz-secret-".repeat(2).getBytes(StandardCharsets.UTF_8);
  private static final int INPUTS = 3_000;

  @Test
  void randomBytesAndStrangersHandshakesDeliverNothing() {
    Random random = new Random(14);
    for (int i = 0; i < INPUTS; i++) {
      TunnelSeal gate = new TunnelSeal(KEY, Role.SERVER, TunnelSealTest.nonce(i));
      byte[] input;
      if (i % 2 == 0) {
        input = new byte[random.nextInt(200)];
        random.nextBytes(input);
        if (i % 4 == 0 && input.length >= 4) System.arraycopy(TunnelSeal.MAGIC, 0, input, 0, 4); // past the magic
      } else {
        TunnelSeal stranger = new TunnelSeal(("stranger-" + i + "-secret-").repeat(3).getBytes(StandardCharsets.UTF_8),
            Role.CLIENT, TunnelSealTest.nonce(-i));
        byte[] proof = stranger.receive(gate.hello()).send();
        input = concat(stranger.hello(), proof, randomBytes(random, random.nextInt(100)));
      }
      assertThat(feed(gate, input, random).size()).as("input %d", i).isZero();
      assertThat(gate.open()).isFalse();
    }
  }

  @Test
  void aTamperedMembersStreamDeliversOnlyAnUnalteredPrefix() {
    Random random = new Random(41);
    for (int i = 0; i < INPUTS; i++) {
      TunnelSeal client = new TunnelSeal(KEY, Role.CLIENT, TunnelSealTest.nonce(2 * i));
      TunnelSeal gate = new TunnelSeal(KEY, Role.SERVER, TunnelSealTest.nonce(2 * i + 1));
      TunnelSealTest.handshake(client, gate);
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      for (int chunk = 0, n = 1 + random.nextInt(5); chunk < n; chunk++) {
        byte[] plain = randomBytes(random, random.nextInt(300));
        sent.writeBytes(plain);
        wire.writeBytes(client.seal(plain));
      }
      byte[] tampered = tamper(wire.toByteArray(), random);
      byte[] delivered = feed(gate, tampered, random).toByteArray();
      byte[] original = sent.toByteArray();
      assertThat(delivered.length).as("input %d", i).isLessThanOrEqualTo(original.length);
      assertThat(delivered).as("input %d: a prefix of what the member sent", i).isEqualTo(Arrays.copyOf(original, delivered.length));
    }
  }

  /** Feeds {@code input} in random slices until the stream fails; what was delivered. Never throws. */
  private static ByteArrayOutputStream feed(TunnelSeal end, byte[] input, Random random) {
    ByteArrayOutputStream delivered = new ByteArrayOutputStream();
    for (int from = 0; from < input.length; ) {
      int to = Math.min(input.length, from + 1 + random.nextInt(64));
      Step step = end.receive(Arrays.copyOfRange(input, from, to));
      delivered.writeBytes(step.deliver());
      if (step.failed().isPresent()) break;
      from = to;
    }
    return delivered;
  }

  private static byte[] tamper(byte[] wire, Random random) {
    if (wire.length == 0) return wire;
    int at = random.nextInt(wire.length);
    return switch (random.nextInt(4)) {
      case 0 -> { // one byte changed
        byte[] b = wire.clone();
        b[at] ^= (byte) (1 + random.nextInt(255));
        yield b;
      }
      case 1 -> concat(Arrays.copyOf(wire, at), Arrays.copyOfRange(wire, Math.min(wire.length, at + 1 + random.nextInt(40)), wire.length)); // bytes dropped
      case 2 -> concat(Arrays.copyOf(wire, at), Arrays.copyOfRange(wire, Math.max(0, at - 1 - random.nextInt(40)), wire.length)); // bytes repeated
      default -> Arrays.copyOf(wire, at); // cut short
    };
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }
}
