package org.paternoster.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.paternoster.replica.client.OrderClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Failover time: with clients committing orders, kill -9 the primary and measure until a client's
 * new order is committed by the new primary (its reply names a higher view). Repeats with the
 * killed replica restarted each round. {@code --soak-s} instead runs commit load with no faults
 * and counts view changes (false failovers). One JSON line per round, then a summary.
 */
@Command(name = "bench-failover", mixinStandardHelpOptions = true)
public final class FailoverBench implements Callable<Integer> {
  @Option(names = "--root", required = true) Path root;
  @Option(names = "--rounds", defaultValue = "20") int rounds;
  @Mixin Timing timing;
  @Option(names = "--clients", defaultValue = "4") int clients;
  @Option(names = "--soak-s", defaultValue = "0") int soakS;
  @Option(names = "--seed", defaultValue = "1") long seed;

  @Override
  public Integer call() throws Exception {
    Path logs = Files.createTempDirectory("bench-failover");
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx);
    Random random = new Random(seed);
    CommitLoad load = null;
    try (Cluster cluster = new Cluster(root, logs, 7950, timing)) {
      for (int i = 1; i <= 3; i++) cluster.startReplica(i);
      awaitSettled(cluster, http);
      OrderClient client = new OrderClient(vertx, http, () -> cluster.viewService, timing.clientTimeoutMs());
      load = new CommitLoad(vertx, client, clients, "f");
      if (soakS > 0) return soak(cluster, http, load);
      List<Long> times = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Thread.sleep(500 + random.nextInt(1000));
        JsonObject view = cluster.view(http);
        String primary = view.getString("primary");
        long viewnum = view.getLong("viewnum");
        load.watch(viewnum);
        long killedAt = System.nanoTime();
        long killedAtEpoch = System.currentTimeMillis();
        cluster.kill9(primary);
        long ms = (load.awaitAckAbove() - killedAt) / 1_000_000;
        times.add(ms);
        // Where the time went: until the view service announced the next view (its wall clock, same machine).
        JsonArray history = http.getAbs(cluster.viewService.split(",")[0] + "/views").timeout(1_000).send().await().bodyAsJsonArray();
        JsonObject next = history.stream().map(JsonObject.class::cast).filter(v -> v.getLong("viewnum") == viewnum + 1).findFirst().orElse(null);
        System.out.println(new JsonObject().put("bench", "failover").put("round", round).put("killed", primary)
            .put("from_view", viewnum).put("to_view", load.lastAckViewnum()).put("failover_ms", ms)
            .put("view_ms", next == null ? null : next.getLong("announcedAt") - killedAtEpoch)
            .put("detected_silence_ms", next == null ? null : next.getLong("failoverMs")).encode());
        cluster.startReplica(cluster.indexOf(primary));
        awaitSettled(cluster, http);
      }
      Collections.sort(times);
      System.out.println(timing.describe(new JsonObject()).put("bench", "failover").put("summary", true).put("rounds", times.size())
          .put("clients", clients)
          .put("median_ms", times.get(times.size() / 2)).put("p90_ms", times.get((int) (times.size() * 0.9)))
          .put("max_ms", times.get(times.size() - 1)).put("min_ms", times.get(0))
          .put("all_ms", new JsonArray(new ArrayList<>(times))).put("machine", Machine.describe()).encode());
      return 0;
    } finally {
      if (load != null) load.stop();
      vertx.close().await();
    }
  }

  private int soak(Cluster cluster, WebClient http, CommitLoad load) throws InterruptedException {
    long startView = cluster.view(http).getLong("viewnum");
    long ackedBefore = load.acked();
    Thread.sleep(soakS * 1000L);
    long endView = cluster.view(http).getLong("viewnum");
    System.out.println(timing.describe(new JsonObject()).put("bench", "failover-soak").put("seconds", soakS)
        .put("clients", clients)
        .put("acked", load.acked() - ackedBefore).put("false_failovers", endView - startView)
        .put("machine", Machine.describe()).encode());
    return endView == startView ? 0 : 1;
  }

  private static void awaitSettled(Cluster cluster, WebClient http) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      try {
        JsonObject v = cluster.view(http);
        long alive = http.getAbs(cluster.viewService + "/servers").timeout(1000).send().await().bodyAsJsonArray()
            .stream().filter(s -> ((JsonObject) s).getBoolean("alive")).count();
        if (v.getBoolean("acked") && v.getString("backup") != null && alive == 3) return;
      } catch (Exception e) { // Future.await rethrows the connect failure as is
        // view service still starting
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("cluster did not settle");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new FailoverBench()).execute(args));
  }
}
