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
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.replica.client.OrderClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.util.Optional;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.ClusterSecret;

/**
 * View-service leader failover (issue 12), real processes: three view-service members, three
 * replicas, clients committing orders. Each round kill -9s the member that leads and, in the same
 * instant, the primary replica (a lab machine unplugged that held both), then measures
 * {@code leader_ms} (kill → a surviving member leads and decides views) and {@code failover_ms}
 * (kill → the first order committed in a higher view, i.e. the next view change happened through
 * the new leader). Both killed processes are restarted (the member on its data directory) before
 * the next round. One JSON line per round, then a summary.
 */
@Command(name = "bench-vs-failover", mixinStandardHelpOptions = true)
public final class ViewLeaderFailoverBench implements Callable<Integer> {
  @Option(names = "--root", required = true) Path root;
  @Option(names = "--rounds", defaultValue = "10") int rounds;
  @Mixin Timing timing;
  @Option(names = "--clients", defaultValue = "4") int clients;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--sealed", description = "Give every process a cluster secret for the run, as on lab machines (members then talk through sealed tunnels).")
  boolean sealed;

  @Override
  public Integer call() throws Exception {
    Path logs = Files.createTempDirectory("bench-vs-failover");
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx);
    Random random = new Random(seed);
    CommitLoad load = null;
    String secret = sealed ? ClusterSecret.randomText() : null;
    try (Cluster cluster = new Cluster(root, logs, 7850, timing, 3, secret)) {
      for (int i = 1; i <= 3; i++) cluster.startReplica(i);
      awaitSettled(cluster, http);
      OrderClient client = new OrderClient(vertx, http, ViewServiceLocator.fixed(cluster.viewService), timing.clientTimeoutMs(), 50,
          ClusterAuth.of(Optional.ofNullable(secret).map(ClusterSecret::of)));
      load = new CommitLoad(vertx, client, clients, "v");
      List<Long> leaderTimes = new ArrayList<>();
      List<Long> failoverTimes = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Thread.sleep(1000 + random.nextInt(1000));
        // The leader's own view: a follower's applied copy may lag, and a round that kills the
        // primary of an older view measures nothing (seen: a "failover" of 19 ms).
        JsonObject view = leadersView(cluster, http);
        String leaderUrl = view.getString("leader");
        int leader = memberIndex(cluster, leaderUrl);
        String primary = view.getString("primary");
        load.watch(view.getLong("viewnum"));
        long killedAt = System.nanoTime();
        cluster.kill9("m" + leader);
        cluster.kill9(primary);
        long leaderMs = awaitNewLeader(cluster, http, leader, killedAt);
        long failoverMs = (load.awaitAckAbove() - killedAt) / 1_000_000;
        leaderTimes.add(leaderMs);
        failoverTimes.add(failoverMs);
        System.out.println(new JsonObject().put("bench", "vs-failover").put("round", round).put("killed_member", "m" + leader)
            .put("killed_primary", primary).put("from_view", view.getLong("viewnum"))
            .put("leader_ms", leaderMs).put("failover_ms", failoverMs).encode());
        cluster.startMember(leader);
        cluster.startReplica(cluster.indexOf(primary));
        awaitSettled(cluster, http);
      }
      System.out.println(timing.describe(new JsonObject()).put("bench", "vs-failover").put("summary", true).put("rounds", rounds)
          .put("clients", clients).put("sealed", sealed)
          .put("leader", stats(leaderTimes)).put("failover", stats(failoverTimes)).put("machine", Machine.describe()).encode());
      return 0;
    } finally {
      if (load != null) load.stop();
      vertx.close().await();
    }
  }

  /** The view as the leader has it, once a member names a leader that answers (leadership may move while the cluster settles). */
  private static JsonObject leadersView(Cluster cluster, WebClient http) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      try {
        String leader = cluster.view(http).getString("leader");
        if (leader != null) {
          JsonObject view = http.getAbs(leader + "/view").timeout(1000).send().await().bodyAsJsonObject();
          if (leader.equals(view.getString("leader"))) return view;
        }
      } catch (Exception e) { // a member restarting or electing
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no member leads");
  }

  private static JsonObject stats(List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return new JsonObject().put("median_ms", sorted.get(sorted.size() / 2)).put("max_ms", sorted.get(sorted.size() - 1))
        .put("min_ms", sorted.get(0)).put("all_ms", new JsonArray(new ArrayList<>(times)));
  }

  private static int memberIndex(Cluster cluster, String url) {
    for (int k = 0; k < 3; k++) if (cluster.memberUrl(k).equals(url)) return k;
    throw new IllegalStateException("no member leads: " + url);
  }

  /** Polls the surviving members until one answers {@code /servers} (only a deciding leader does). */
  private static long awaitNewLeader(Cluster cluster, WebClient http, int killed, long killedAt) throws InterruptedException {
    while (true) {
      for (int k = 0; k < 3; k++) {
        if (k == killed) continue;
        try {
          if (http.getAbs(cluster.memberUrl(k) + "/servers").timeout(500).send().await().statusCode() == 200) {
            return (System.nanoTime() - killedAt) / 1_000_000;
          }
        } catch (Exception e) { // not up, or not answering yet
        }
      }
      Thread.sleep(5);
    }
  }

  /** Until a member leads, the view is acked with a backup, and all three replicas are alive. */
  private static void awaitSettled(Cluster cluster, WebClient http) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      try {
        JsonObject v = cluster.view(http);
        String leader = v.getString("leader");
        if (leader != null && v.getBoolean("acked") && v.getString("backup") != null) {
          long alive = http.getAbs(leader + "/servers").timeout(1000).send().await().bodyAsJsonArray()
              .stream().filter(s -> ((JsonObject) s).getBoolean("alive")).count();
          if (alive == 3) return;
        }
      } catch (Exception e) { // members still starting or electing
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("cluster did not settle");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ViewLeaderFailoverBench()).execute(args));
  }
}
