package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.orders.CabCall;
import org.paternoster.replica.client.OrderClient;
import org.paternoster.security.ClusterAuth;
import org.paternoster.view.PingTiming;

/**
 * The start-up warm-up is harmless by construction (its messages name view 0, nobody's): sent to
 * a working primary and backup over real HTTP, every message is answered REFUSED, neither replica's
 * view or book moves, and the pair goes on committing.
 */
@ExtendWith(VertxExtension.class)
class ServerWarmupTest {
  @Test
  void everyWarmupMessageIsRefusedAndNeitherReplicaMoves(Vertx vertx) {
    InJvmPair pair = InJvmPair.start(vertx, new PingTiming(50, 8));
    OrderClient orders = new OrderClient(vertx, pair.http(), pair::viewService, 500, 50);
    long viewnum = orders.press("before", new CabCall("e1", 2), System.currentTimeMillis() + 5_000).await().viewnum();
    List<String> replicas = List.of(pair.primary(), pair.backup());
    List<List<Object>> before = replicas.stream().map(pair::state).toList();

    PeerLink link = new PeerLink(pair.http(), 1_000, ClusterAuth.open());
    for (String replica : replicas) {
      assertThat(ServerWarmup.run(link, replica).await()).as("refused by %s", replica).isEqualTo(2 * ServerWarmup.ROUNDS);
    }

    assertThat(replicas.stream().map(pair::state).toList()).isEqualTo(before);
    assertThat(orders.press("after", new CabCall("e1", 3), System.currentTimeMillis() + 5_000).await().viewnum()).isEqualTo(viewnum);
  }
}
