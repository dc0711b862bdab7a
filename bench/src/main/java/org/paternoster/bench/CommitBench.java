package org.paternoster.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.concurrent.Callable;
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
  @Option(names = "--view-service", required = true) String viewService;
  @Option(names = "--clients", split = ",", defaultValue = "1,16,64") List<Integer> levels;
  @Option(names = "--warmup-s", defaultValue = "3") int warmupS;
  @Option(names = "--seconds", defaultValue = "10") int seconds;
  @Option(names = "--redis", description = "HOST:PORT of a Redis primary with one replica") String redis;
  @Option(names = "--durable", description = "the replicas fsync their books and Redis its append-only file: named so in the output") boolean durable;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      WebClient http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(128));
      JsonObject view = http.getAbs(viewService + "/view").send().await().bodyAsJsonObject();
      String primary = view.getString("primaryAddress");
      ClosedLoop loop = new ClosedLoop(vertx);
      for (int clients : levels) {
        JsonObject line = loop.run(clients, c -> n -> order(http, primary, c, n), warmupS * 1000L, seconds * 1000L);
        print(durable ? "paternoster --data-dir" : "paternoster", view.getString("backup") != null, line);
      }
      if (redis != null) {
        String[] hp = redis.split(":");
        for (int clients : levels) {
          Redis client = Redis.createClient(vertx, new RedisOptions()
              .setConnectionString("redis://" + hp[0] + ":" + hp[1]).setMaxPoolSize(clients + 4).setMaxPoolWaiting(1024));
          List<RedisConnection> connections = new java.util.ArrayList<>();
          for (int c = 0; c < clients; c++) connections.add(client.connect().await());
          JsonObject line = loop.run(clients, c -> n -> setThenWait(connections.get(c), c, n), warmupS * 1000L, seconds * 1000L);
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

  private static Future<?> order(WebClient http, String primary, int client, long n) {
    JsonObject body = new JsonObject().put("id", "b" + client + "-" + n).put("type", "cab")
        .put("elevator", "bench" + client).put("floor", (int) (n % 4));
    return http.postAbs(primary + "/orders").sendBuffer(Buffer.buffer(body.encode())).compose(r ->
        r.statusCode() == 200 ? Future.succeededFuture() : Future.failedFuture("status " + r.statusCode()));
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
