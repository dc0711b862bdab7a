package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paternoster.security.TunnelSeal.Role;
import org.paternoster.security.TunnelSeal.Step;

class TunnelSealTest {
  private static final byte[] KEY = "tunnel-test-secret-".repeat(2).getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_KEY = "another-cluster-secret-".repeat(2).getBytes(StandardCharsets.UTF_8);

  static byte[] nonce(int seed) {
    byte[] n = new byte[TunnelSeal.NONCE];
    new Random(seed).nextBytes(n);
    return n;
  }

  /** Runs both handshakes, byte for byte as the wire would carry them. */
  static void handshake(TunnelSeal client, TunnelSeal server) {
    Step atServer = server.receive(client.hello());
    Step atClient = client.receive(server.hello());
    assertThat(atServer.failed()).isEmpty();
    assertThat(atClient.failed()).isEmpty();
    assertThat(client.receive(atServer.send()).failed()).isEmpty();
    assertThat(server.receive(atClient.send()).failed()).isEmpty();
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void membersOpenTheStreamAndItsBytesPassInOrderBothWaysInAnySlicing() {
    TunnelSeal client = new TunnelSeal(KEY, Role.CLIENT, nonce(1));
    TunnelSeal server = new TunnelSeal(KEY, Role.SERVER, nonce(2));
    assertThat(client.open()).isFalse();
    handshake(client, server);
    assertThat(client.open()).isTrue();
    assertThat(server.open()).isTrue();

    byte[] big = new byte[3 * TunnelSeal.MAX_CHUNK + 17];
    new Random(3).nextBytes(big);
    byte[] wire = concat(client.seal(text("vote?")), client.seal(big), client.seal(text("append")));
    java.io.ByteArrayOutputStream delivered = new java.io.ByteArrayOutputStream();
    for (int from = 0; from < wire.length; from += 1_000) { // TCP may cut anywhere
      Step step = server.receive(Arrays.copyOfRange(wire, from, Math.min(wire.length, from + 1_000)));
      assertThat(step.failed()).isEmpty();
      delivered.writeBytes(step.deliver());
    }
    assertThat(delivered.toByteArray()).isEqualTo(concat(text("vote?"), big, text("append")));
    assertThat(client.receive(server.seal(text("granted"))).deliver()).isEqualTo(text("granted"));
  }

  @Test
  void aStrangerWithoutTheSecretGetsNothingThroughEitherWay() {
    TunnelSeal member = new TunnelSeal(KEY, Role.SERVER, nonce(2));
    TunnelSeal stranger = new TunnelSeal(OTHER_KEY, Role.CLIENT, nonce(1));
    Step atMember = member.receive(stranger.hello());
    Step atStranger = stranger.receive(member.hello());
    Step proofAtMember = member.receive(atStranger.send());
    assertThat(proofAtMember.failed()).get().asString().contains("proof does not verify");
    assertThat(member.open()).isFalse();
    assertThat(member.receive(text("anything")).deliver()).as("nothing after a failure").isEmpty();
    assertThat(stranger.receive(atMember.send()).failed()).as("nor can a stranger answer as a member").isPresent();
  }

  @Test
  void aReplayedHandshakeAReflectedProofAndForeignBytesAreRefused() {
    TunnelSeal client = new TunnelSeal(KEY, Role.CLIENT, nonce(1));
    TunnelSeal server = new TunnelSeal(KEY, Role.SERVER, nonce(2));
    byte[] clientHello = client.hello();
    Step atClient = client.receive(server.hello());
    byte[] clientProof = atClient.send();
    server.receive(clientHello);
    assertThat(server.receive(clientProof).failed()).isEmpty();

    // The recorded hello and proof, replayed to a server with a fresh nonce.
    TunnelSeal fresh = new TunnelSeal(KEY, Role.SERVER, nonce(3));
    fresh.receive(clientHello);
    assertThat(fresh.receive(clientProof).failed()).as("a recorded proof is for another nonce").isPresent();

    // A server's own proof reflected back to it as a client's.
    TunnelSeal reflected = new TunnelSeal(KEY, Role.SERVER, nonce(4));
    byte[] ownProof = reflected.receive(new TunnelSeal(KEY, Role.CLIENT, nonce(5)).hello()).send();
    assertThat(reflected.receive(ownProof).failed()).as("the role is in the proof").isPresent();

    // The other end echoing this end's nonce back.
    TunnelSeal echoed = new TunnelSeal(KEY, Role.SERVER, nonce(6));
    assertThat(echoed.receive(echoed.hello()).failed()).isPresent();

    for (String junk : new String[] {"GET / HTTP/1.1\r\n", "\u0000\u0000\u0000\u0010", "PNX1"}) {
      assertThat(new TunnelSeal(KEY, Role.SERVER, nonce(7)).receive(text(junk)).failed()).as(junk).isPresent();
    }
    assertThat(new TunnelSeal(KEY, Role.SERVER, nonce(7)).receive(text("PN")).failed()).as("a hello may come in pieces").isEmpty();
  }

  @Test
  void aForgedAlteredReplayedReorderedOrReflectedChunkFailsTheStream() {
    TunnelSeal client = new TunnelSeal(KEY, Role.CLIENT, nonce(1));
    TunnelSeal server = new TunnelSeal(KEY, Role.SERVER, nonce(2));
    handshake(client, server);
    byte[] first = client.seal(text("a"));
    byte[] second = client.seal(text("b"));

    assertThat(openedServer().receive(second).failed()).as("reordered").isPresent();
    byte[] altered = first.clone();
    altered[4] ^= 1;
    assertThat(openedServer().receive(altered).failed()).as("altered").isPresent();
    assertThat(openedServer().receive(concat(first, first)).failed()).as("replayed").isPresent();
    byte[] tooLong = first.clone();
    tooLong[0] = 0x7f;
    assertThat(openedServer().receive(tooLong).failed()).as("length past the bound").get().asString().contains("out of bounds");
    assertThat(client.receive(client.seal(text("c"))).failed()).as("reflected to its sender").isPresent();

    TunnelSeal otherConnection = new TunnelSeal(KEY, Role.CLIENT, nonce(9));
    handshake(otherConnection, new TunnelSeal(KEY, Role.SERVER, nonce(10)));
    assertThat(server.receive(otherConnection.seal(text("x"))).failed()).as("another connection's chunk").isPresent();
  }

  @Test
  void nothingIsSealedBeforeTheHandshakeVerifies() {
    TunnelSeal client = new TunnelSeal(KEY, Role.CLIENT, nonce(1));
    assertThatThrownBy(() -> client.seal(text("early"))).isInstanceOf(IllegalStateException.class);
  }

  /** A server end that completed the handshake with the client nonce the tests use (nonce 1, server nonce 2). */
  private static TunnelSeal openedServer() {
    TunnelSeal server = new TunnelSeal(KEY, Role.SERVER, nonce(2));
    handshake(new TunnelSeal(KEY, Role.CLIENT, nonce(1)), server);
    return server;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }
}
