package org.paternoster.view.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paternoster.security.ClusterSecret;
import org.paternoster.testing.FreePorts;

/**
 * A relay's connection from the local consensus engine must end whenever its tunnel cannot open:
 * left open with nobody reading it, every request on it waits out its timeout (with Ratis 3.1.3,
 * whose Netty client never gave up on such a connection, it cut this member off from that member
 * for good: seen in bench-vs-failover, a member restarted while a handshake to it was under way,
 * and the group could not elect a leader again).
 */
class ConsensusTunnelTest {
  final Vertx vertx = Vertx.vertx();
  final ClusterSecret secret = ClusterSecret.of(ClusterSecret.randomText());
  final int selfPort = FreePorts.pick();
  final int otherPort = FreePorts.pick(); // the other member's consensus port
  final GroupMembers members = GroupMembers.parse(
      "127.0.0.1:" + selfPort + ",127.0.0.1:" + FreePorts.pick() + ":" + otherPort + ",127.0.0.1:" + FreePorts.pick(),
      "127.0.0.1", selfPort, null);
  ConsensusTunnel tunnel;

  @AfterEach
  void close() {
    if (tunnel != null) tunnel.close();
    vertx.close().await();
  }

  @Test
  void aTunnelCutDuringItsHandshakeClosesTheEnginesConnection() throws Exception {
    NetServer cutsAtOnce = vertx.createNetServer().connectHandler(s -> s.close());
    cutsAtOnce.listen(otherPort, "127.0.0.1").await();
    assertEnginesConnectionIsClosed();
  }

  @Test
  void aTunnelWhoseOtherEndNeverAnswersClosesTheEnginesConnection() throws Exception {
    NetServer silent = vertx.createNetServer().connectHandler(s -> s.pause());
    silent.listen(otherPort, "127.0.0.1").await();
    assertEnginesConnectionIsClosed();
  }

  @Test
  void aMemberThatIsDownClosesTheEnginesConnection() throws Exception {
    assertEnginesConnectionIsClosed();
  }

  /** Connects as the local engine would, writes a request, and expects the relay to close within the handshake's bound. */
  private void assertEnginesConnectionIsClosed() throws IOException {
    tunnel = ConsensusTunnel.open(vertx, secret, members);
    String relay = tunnel.relayAddress(members.members().get(1).id());
    try (Socket engine = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(relay.substring(relay.indexOf(':') + 1)))) {
      engine.getOutputStream().write("a vote request".getBytes(StandardCharsets.US_ASCII));
      engine.setSoTimeout(200);
      InputStream in = engine.getInputStream();
      await().atMost(Duration.ofMillis(SealedPipe.HANDSHAKE_TIMEOUT_MS + 3_000)).until(() -> closedByRelay(in));
    }
  }

  private static boolean closedByRelay(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) { // reset
      return true;
    }
  }
}
