package org.paternoster.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.paternoster.metrics.ProcessMetrics;
import org.paternoster.replica.client.NotPrimaryAnswer;
import org.paternoster.replica.client.OrderClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Commit-path throughput and latency: closed-loop clients submitting orders to the primary (each
 * acknowledged only when primary and backup hold it), and optionally the same load against Redis
 * {@code SET} + {@code WAIT 1 0} (synchronous replication to one replica). One JSON line per level.
 */
@Command(name = "bench-commit", mixinStandardHelpOptions = true)
public final class CommitBench implements Callable<Integer> {
  private static final int JIT_WARMUP_CLIENTS = 16;
  private final AtomicLong pushedBack = new AtomicLong();
  private final AtomicLong redirected = new AtomicLong();
  /** Where orders go: the view's primary, then whichever one a "not primary" answer names. */
  private volatile String primary;

  @Option(names = "--view-service", required = true) String viewService;
  @Option(names = "--clients", split = ",", defaultValue = "1,16,64") List<Integer> levels;
  @Option(names = "--warmup-s", defaultValue = "3", description = "before each level, not measured") int warmupS;
  @Option(names = "--jit-warmup-s", defaultValue = "20",
      description = "once, before the first level: 16 clients until the JVMs' compilers are done with the commit path (measured on 2 cores: about 20 s)")
  int jitWarmupS;
  @Option(names = "--seconds", defaultValue = "10") int seconds;
  @Option(names = "--redis", description = "HOST:PORT of a Redis primary with one replica") String redis;
  @Option(names = "--pid", description = "NAME=PID of a process whose CPU to report (replica ids, view-service, redis, redis-replica); repeatable")
  Map<String, Long> pids = new LinkedHashMap<>();
  @Option(names = "--durable", description = "the replicas fsync their books and Redis its append-only file: named so in the output") boolean durable;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx(ProcessMetrics.options()); // native epoll, as the servers run
    try {
      WebClient http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
      // A connection of its own per client (OwnConnection says why), as Redis's clients have below.
      int most = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
      most = Math.max(most, jitWarmupS > 0 ? JIT_WARMUP_CLIENTS : 0);
      HttpClientAgent agent = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
      OwnConnection[] own = new OwnConnection[most];
      for (int c = 0; c < most; c++) own[c] = new OwnConnection(agent);
      JsonObject view = http.getAbs(viewService + "/view").send().await().bodyAsJsonObject();
      primary = view.getString("primaryAddress");
      ClosedLoop loop = new ClosedLoop(vertx);
      ProcessCpu paternoster = watch(view.getString("primary"), "primary", view.getString("backup"), "backup", "view-service", "view-service");
      if (jitWarmupS > 0) {
        JsonObject line = loop.run(JIT_WARMUP_CLIENTS, c -> n -> order(vertx, own[c], c, n), 0, jitWarmupS * 1000L, paternoster);
        print(durable ? "paternoster --data-dir" : "paternoster", view.getString("backup") != null, line.put("phase", "JIT warm-up, not a measurement"));
      }
      for (int clients : levels) {
        pushedBack.set(0);
        redirected.set(0);
        JsonObject line = loop.run(clients, c -> n -> order(vertx, own[c], c, n), warmupS * 1000L, seconds * 1000L, paternoster);
        line.put("pushed_back", pushedBack.get()); // 503 with Retry-After, warm-up included
        // A false failover under overload (the primary's pings starved) moves the clients to the new
        // primary; the line says so, and its CPU names are then those of the first view's roles.
        line.put("not_primary_answers", redirected.get())
            .put("viewnum_after", http.getAbs(viewService + "/view").send().await().bodyAsJsonObject().getLong("viewnum"))
            .put("viewnum_before", view.getLong("viewnum"));
        print(durable ? "paternoster --data-dir" : "paternoster", view.getString("backup") != null, line);
      }
      if (redis != null) {
        String[] hp = redis.split(":");
        ProcessCpu redisCpu = watch("redis", "redis", "redis-replica", "redis-replica");
        for (int clients : levels) {
          Redis client = Redis.createClient(vertx, new RedisOptions()
              .setConnectionString("redis://" + hp[0] + ":" + hp[1]).setMaxPoolSize(clients + 4).setMaxPoolWaiting(1024));
          List<RedisConnection> connections = new java.util.ArrayList<>();
          for (int c = 0; c < clients; c++) connections.add(client.connect().await());
          JsonObject line = loop.run(clients, c -> n -> setThenWait(connections.get(c), c, n), warmupS * 1000L, seconds * 1000L, redisCpu);
          print(durable ? "redis SET+WAIT 1, appendfsync always" : "redis SET+WAIT 1", true, line);
          connections.forEach(RedisConnection::close);
          client.close();
        }
      }
    } finally {
      vertx.close().await();
    }
    return 0;
  }

  /**
   * The CPU to report beside a run: the processes named by {@code --pid} under the names given here
   * ({@code pidName, shownAs, ...}; unknown ones are left out), and this load generator.
   */
  private ProcessCpu watch(String... pidNameThenShownAs) {
    Map<String, Long> watched = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pidNameThenShownAs.length; i += 2) {
      Long pid = pids.get(pidNameThenShownAs[i]);
      if (pid != null) watched.put(pidNameThenShownAs[i + 1], pid);
    }
    watched.put("load generator", ProcessHandle.current().pid());
    return new ProcessCpu(watched);
  }

  /**
   * Client {@code client}'s order {@code n}, until acknowledged: an overloaded primary's push-back
   * (503 with Retry-After) is counted and the same order resent after the time it asks for, so its
   * latency includes the wait. Any other answer is an error.
   */
  private Future<?> order(Vertx vertx, OwnConnection link, int client, long n) {
    Buffer body = new JsonObject().put("id", "b" + client + "-" + n).put("type", "cab")
        .put("elevator", "bench" + client).put("floor", (int) (n % 4)).toBuffer();
    return send(vertx, link, body);
  }

  private Future<Void> send(Vertx vertx, OwnConnection link, Buffer body) {
    return link.post(primary, "/orders", body).compose(r -> {
      if (r.status() == 200) return Future.<Void>succeededFuture();
      long retryAfterMs = r.status() == 503 ? OrderClient.retryAfterMs(r.retryAfter()) : 0;
      if (retryAfterMs > 0) {
        pushedBack.incrementAndGet();
        return vertx.timer(retryAfterMs).compose(x -> send(vertx, link, body));
      }
      String newPrimary = r.status() == 503 ? notPrimaryRedirect(r.body().toString()) : null;
      if (newPrimary != null) {
        redirected.incrementAndGet();
        primary = newPrimary;
        return send(vertx, link, body);
      }
      return Future.failedFuture("status " + r.status());
    });
  }

  /** The primary a "not primary" answer names, or null when it is not one or names none. */
  private static String notPrimaryRedirect(String body) {
    try {
      JsonObject o = new JsonObject(body);
      return NotPrimaryAnswer.TYPE.equals(o.getString("type")) ? o.getString("primaryAddress") : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** SET, then WAIT until one replica acknowledged this connection's writes (its own SET). */
  private static Future<?> setThenWait(RedisConnection conn, int c, long n) {
    return conn.send(Request.cmd(io.vertx.redis.client.Command.SET).arg("k" + c).arg(n))
        .compose(x -> conn.send(Request.cmd(io.vertx.redis.client.Command.WAIT).arg(1).arg(1000)))
        .compose(r -> r.toInteger() >= 1 ? Future.succeededFuture() : Future.failedFuture("not replicated"));
  }

  private static void print(String system, boolean replicated, JsonObject line) {
    System.out.println(new JsonObject().put("bench", "commit").put("system", system)
        .put("replicated", replicated).mergeIn(line).put("machine", Machine.describe()).encode());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new CommitBench()).execute(args));
  }
}
