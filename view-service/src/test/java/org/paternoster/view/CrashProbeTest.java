package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probe after a crash hint: only a refused connection says "the process is gone". */
@ExtendWith(VertxExtension.class)
class CrashProbeTest {
  @Test
  void aPortNobodyListensOnRefusesAndAListeningOneDoesNot(Vertx vertx) throws IOException {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {}).listen(0, "127.0.0.1").await();
    CrashProbe probe = new CrashProbe(vertx);
    assertThat(probe.probe("http://127.0.0.1:" + server.actualPort()).await()).isEqualTo(CrashProbe.Answer.ACCEPTED);
    server.close().await();
    // Not the closed server's port: another process (or this one's next outgoing connection) may take
    // it in between (seen once in a suite run: accepted). A port held by a socket that is bound and
    // never listens is refused by the kernel, and nobody else can take it.
    try (Socket bound = new Socket()) {
      bound.bind(new InetSocketAddress("127.0.0.1", 0));
      assertThat(probe.probe("http://127.0.0.1:" + bound.getLocalPort()).await()).isEqualTo(CrashProbe.Answer.REFUSED);
    }
  }

  @Test
  void theWarmUpRunsTheRefusedPath(Vertx vertx) {
    assertThat(new CrashProbe(vertx).warmUp().await()).isEqualTo(CrashProbe.WARM_UP_PROBES);
  }

  @Test
  void anAddressItCannotReadSaysNothing(Vertx vertx) {
    CrashProbe probe = new CrashProbe(vertx);
    assertThat(probe.probe("not a url at all").await()).isEqualTo(CrashProbe.Answer.UNKNOWN);
    assertThat(probe.probe("http://no-port").await()).isEqualTo(CrashProbe.Answer.UNKNOWN);
  }

  @Test
  void onlyARefusalCountsNotATimeoutOrAnUnreachableHost() {
    assertThat(CrashProbe.isRefusal(new RuntimeException(new ConnectException("Connection refused: /10.0.0.1:7101")))).isTrue();
    assertThat(CrashProbe.isRefusal(new ConnectTimeoutException("connection timed out after 1000 ms: /10.0.0.1:7101"))).isFalse();
    assertThat(CrashProbe.isRefusal(new NoRouteToHostException("No route to host"))).isFalse();
  }
}
