package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.PendingCall;
import org.paternoster.orders.Receipt;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.Snapshot;
import org.paternoster.orders.Tombstone;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerJson;
import org.paternoster.replica.Transfer;
import org.paternoster.testing.fuzz.FuzzReport;
import org.paternoster.testing.fuzz.FuzzTarget;
import org.paternoster.testing.fuzz.HttpFuzzer;
import org.paternoster.view.PingTiming;
import org.paternoster.view.View;

/**
 * Hostile bodies on every POST of a replica: the order API at the primary, forward and transfer
 * at the backup, hand-over at the primary. Each is a 4xx JSON error (or, for a well-formed
 * replication message of another view, the protocol's {@code 200 REFUSED}; for a hand-over with
 * nothing to merge, {@code 200 merged}), and neither replica's
 * book, last seq nor view moves; both still commit a valid order afterwards.
 */
@ExtendWith(VertxExtension.class)
class ReplicaFuzzTest {
  static final int INPUTS = 250; // per endpoint
  /** A view the replicas were never in: any well-formed message of it is refused. */
  static final View STALE = new View(1, "r9", "r8", "http://127.0.0.1:9", "http://127.0.0.1:8");

  InJvmPair pair;
  WebClient http;
  String primary;
  String backup;

  @BeforeEach
  void cluster(Vertx vertx) {
    // a generous dead time: a busy test machine must not fail over during the run
    pair = InJvmPair.start(vertx, new PingTiming(50, 20));
    http = pair.http();
    primary = pair.primary();
    backup = pair.backup();
  }

  /** What no refused input may change: each replica's state ({@link InJvmPair#state}) and the primary's orders. */
  Supplier<Object> state() {
    return () -> List.of(pair.state(primary), pair.state(backup), http.getAbs(primary + "/orders").send().await().bodyAsJsonObject().getJsonArray("orders"));
  }

  static boolean refused(JsonObject answer) {
    return "REFUSED".equals(answer.getString("status"));
  }

  /** Another view than the receiver's: a lower number, or the same number with other roles. */
  static JsonObject otherView(Random random, JsonObject message) {
    JsonObject view = message.getJsonObject("view");
    if (random.nextBoolean()) view.put("viewnum", 0);
    else view.put("primary", "r7").put("primaryIncarnation", "x" + random.nextInt(1000));
    return message;
  }

  @Test
  void hostileOrdersAndReplicationMessagesAreRefusedAndChangeNothing() {
    CabCall cab = new CabCall("e1", 2);
    Sequenced press = new Sequenced(1, 5, new Op.Press("fz-1", cab));
    Snapshot snapshot = new Snapshot("g", 1, List.of(new PendingCall(cab, 1, 5)), List.of(new Receipt("fz-1", 1, 1)), List.of(new Tombstone(cab, 0)));
    List<FuzzTarget> atPrimary = List.of(
        FuzzTarget.of("/orders", 16 * 1024, new JsonObject("{\"id\":\"fz-1\",\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}"),
            new JsonObject("{\"id\":\"fz-2\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\"}")),
        FuzzTarget.of("/orders/served", 16 * 1024, new JsonObject("{\"id\":\"fz-3\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\",\"callSeq\":1}")),
        // Any replica's hand-over is merged, whatever its view (invariant 7b: merge, never overwrite);
        // one with nothing to merge is answered "merged" and changes nothing. Calls in a hand-over
        // are believed: only the cluster secret keeps strangers from handing some over.
        FuzzTarget.of("/replication/handover", 64 << 20, PeerJson.handover(new Handover(STALE, "r9", "g", List.of(), List.of())))
            .withWrongView(ReplicaFuzzTest::otherView, answer -> answer.containsKey("merged")));
    List<FuzzTarget> atBackup = List.of(
        FuzzTarget.of("/replication/forward", 64 << 20, PeerJson.forward(new Forward(STALE, 3, List.of(press))))
            .withWrongView(ReplicaFuzzTest::otherView, ReplicaFuzzTest::refused),
        FuzzTarget.of("/replication/transfer", 64 << 20, PeerJson.transfer(new Transfer(STALE, 3, snapshot)))
            .withWrongView(ReplicaFuzzTest::otherView, ReplicaFuzzTest::refused));

    FuzzReport total = new FuzzReport("replica");
    long seed = 14;
    for (FuzzTarget t : atPrimary) total.add(new HttpFuzzer(http, primary, state()).run(t, seed++, INPUTS));
    for (FuzzTarget t : atBackup) total.add(new HttpFuzzer(http, backup, state()).run(t, seed++, INPUTS));

    assertThat(total.failures()).isEmpty();
    assertThat(total.clean()).as(total.toString()).isTrue();
    assertThat(total.inputs()).isEqualTo(5 * INPUTS);
    var order = http.postAbs(primary + "/orders").sendBuffer(Buffer.buffer("{\"id\":\"after\",\"type\":\"cab\",\"floor\":1,\"elevator\":\"e1\"}")).await();
    assertThat(order.statusCode()).isEqualTo(200);
    assertThat(order.bodyAsJsonObject().getString("status")).isEqualTo("committed");
  }
}
