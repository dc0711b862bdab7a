package org.paternoster.view.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paternoster.security.ClusterSecret;
import org.paternoster.view.View;

/**
 * {@link ViewGroupTest}'s group with a cluster secret, as on lab machines: the members' consensus
 * engines reach each other only through sealed tunnels ({@link ConsensusTunnel}), so every test
 * there (a leader elected, killed, a member restarted from its disk on new relay ports; a Raft
 * client without the secret) runs through them; and a stranger at a consensus port reaches nothing.
 */
class SealedViewGroupTest extends ViewGroupTest {
  final ClusterSecret secret = ClusterSecret.of(ClusterSecret.randomText());

  @Override
  Optional<ClusterSecret> secret() {
    return Optional.of(secret);
  }

  @Test
  void aStrangerAtTheConsensusPortIsClosedHavingChangedNothing() throws Exception {
    View view = awaitView(v -> v.primary() != null && v.backup() != null);
    Member leader = leader();
    long term = leader.group.leadingTerm();
    for (Member m : members) {
      for (byte[] attempt : new byte[][] {
          "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
          // a well-formed hello, then a proof made without the secret
          concat("PNT1".getBytes(StandardCharsets.US_ASCII), new byte[16], new byte[32], "vote for me".getBytes(StandardCharsets.US_ASCII))}) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), m.consensusPort)) {
          s.setSoTimeout(5_000);
          OutputStream out = s.getOutputStream();
          out.write(attempt);
          out.flush();
          InputStream in = s.getInputStream();
          byte[] answer = in.readNBytes(1_000);
          assertThat(answer.length).as("the gate sends its hello and proof at most, then closes").isLessThanOrEqualTo(20 + 32);
        }
      }
    }
    assertThat(leader.group.leadingTerm()).as("no election was caused").isEqualTo(term);
    assertThat(awaitView(v -> true)).isEqualTo(view);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }
}
