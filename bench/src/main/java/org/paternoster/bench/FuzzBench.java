package org.paternoster.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.PendingCall;
import org.paternoster.orders.Receipt;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.Snapshot;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerJson;
import org.paternoster.replica.Transfer;
import org.paternoster.testing.fuzz.FuzzReport;
import org.paternoster.testing.fuzz.FuzzTarget;
import org.paternoster.testing.fuzz.HttpFuzzer;
import org.paternoster.view.View;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The long fuzz behind {@code scripts/bench-fuzz.sh}: the tests' generators and oracle
 * ({@code org.paternoster.testing.fuzz}) against real processes, one JSON line per endpoint and a
 * total. Inputs are shared evenly between the endpoints.
 */
@Command(name = "bench-fuzz", mixinStandardHelpOptions = true)
public final class FuzzBench implements Callable<Integer> {
  static final View STALE = new View(1, "r9", "r8", "http://127.0.0.1:9", "http://127.0.0.1:8");

  @Option(names = "--view-service", required = true) String viewService;
  @Option(names = "--simulator", required = true, description = "the simulator's HTTP control URL") String simulator;
  @Option(names = "--inputs", defaultValue = "20000") int inputs;
  @Option(names = "--seed", defaultValue = "14") long seed;

  public static void main(String[] args) {
    System.exit(new CommandLine(new FuzzBench()).execute(args));
  }

  @Override
  public Integer call() {
    Vertx vertx = Vertx.vertx();
    try {
      WebClient http = WebClient.create(vertx);
      JsonObject view = http.getAbs(viewService + "/view").send().await().bodyAsJsonObject();
      String primary = view.getString("primaryAddress");
      String backup = view.getString("backupAddress");
      Supplier<Object> replicas = () -> List.of(replica(http, primary), replica(http, backup));
      CabCall cab = new CabCall("e1", 2);
      Snapshot snapshot = new Snapshot("g", 1, List.of(new PendingCall(cab, 1, 5)), List.of(new Receipt("fz-1", 1, 1)), List.of());
      List<Object[]> runs = List.of(
          new Object[] {viewService, (Supplier<Object>) () -> http.getAbs(viewService + "/view").send().await().bodyAsJsonObject().getLong("viewnum"),
              FuzzTarget.of("/ping", 4096, new JsonObject().put("server", "fz1").put("viewnum", 0)).named("view-service /ping")},
          new Object[] {primary, replicas, FuzzTarget.of("/orders", 16 * 1024, new JsonObject("{\"id\":\"fz-1\",\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}"),
              new JsonObject("{\"id\":\"fz-2\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\"}")).named("replica /orders")},
          new Object[] {primary, replicas, FuzzTarget.of("/orders/served", 16 * 1024,
              new JsonObject("{\"id\":\"fz-3\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\",\"callSeq\":1}")).named("replica /orders/served")},
          new Object[] {primary, replicas, FuzzTarget.of("/replication/handover", 64 << 20, PeerJson.handover(new Handover(STALE, "r9", "g", List.of(), List.of())))
              .withWrongView(FuzzBench::otherView, a -> a.containsKey("merged")).named("replica /replication/handover")},
          new Object[] {backup, replicas, FuzzTarget.of("/replication/forward", 64 << 20, PeerJson.forward(new Forward(STALE, 3, List.of(new Sequenced(1, 5, new Op.Press("fz-1", cab))))))
              .withWrongView(FuzzBench::otherView, FuzzBench::refused).named("replica /replication/forward")},
          new Object[] {backup, replicas, FuzzTarget.of("/replication/transfer", 64 << 20, PeerJson.transfer(new Transfer(STALE, 3, snapshot)))
              .withWrongView(FuzzBench::otherView, FuzzBench::refused).named("replica /replication/transfer")},
          new Object[] {simulator, (Supplier<Object>) () -> http.getAbs(simulator + "/state").send().await().bodyAsJsonObject(),
              FuzzTarget.of("/buttons", 4096, new JsonObject("{\"type\":\"cab\",\"floor\":1}"), new JsonObject("{\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}"))
                  .named("simulator /buttons")},
          new Object[] {simulator, (Supplier<Object>) () -> http.getAbs(simulator + "/state").send().await().bodyAsJsonObject(),
              FuzzTarget.of("/faults", 4096, new JsonObject("{\"obstruction\":true}"), new JsonObject("{\"motor\":\"cut\"}")).named("simulator /faults")});
      FuzzReport total = new FuzzReport("total");
      int each = Math.max(1, inputs / runs.size());
      long s = seed;
      for (Object[] run : runs) {
        @SuppressWarnings("unchecked") Supplier<Object> state = (Supplier<Object>) run[1];
        FuzzReport report = new HttpFuzzer(http, (String) run[0], state).run((FuzzTarget) run[2], s++, each);
        System.out.println(report.toJson().encode());
        total.add(report);
      }
      System.out.println(total.toJson().put("seed", seed).put("machine", Machine.describe()).encode());
      return total.clean() ? 0 : 1;
    } finally {
      vertx.close().await();
    }
  }

  private static List<Object> replica(WebClient http, String url) {
    JsonObject s = http.getAbs(url + "/state").send().await().bodyAsJsonObject();
    return List.of(s.getJsonObject("view").getLong("viewnum"), s.getString("role"), s.getLong("lastSeq"), s.getLong("pendingCalls"));
  }

  private static boolean refused(JsonObject answer) {
    return "REFUSED".equals(answer.getString("status"));
  }

  private static JsonObject otherView(java.util.Random random, JsonObject message) {
    JsonObject view = message.getJsonObject("view");
    if (random.nextBoolean()) view.put("viewnum", 0);
    else view.put("primary", "r7").put("primaryIncarnation", "x" + random.nextInt(1000));
    return message;
  }
}
