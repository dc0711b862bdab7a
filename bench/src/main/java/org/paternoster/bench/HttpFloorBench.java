package org.paternoster.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.paternoster.metrics.ProcessMetrics;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor under the commit path: what Vert.x HTTP/1.1 on this machine does when the servers do
 * no work at all. One process per role, as the real ones run ({@code scripts/bench-http-floor.sh}
 * starts them): a <em>server</em> answers every POST with a receipt-sized JSON body; a
 * <em>relay</em> forwards every POST's body to the server and answers once it answered (the commit
 * path's shape, client → primary → backup → primary → client, without its group commit: one
 * forward per request, over a pool of connections); the <em>load</em> side runs the same closed
 * loop, and one connection per client, as {@code bench-commit.sh}. One JSON line per level.
 */
@Command(name = "bench-http-floor", mixinStandardHelpOptions = true)
public final class HttpFloorBench implements Callable<Integer> {
  /** The size of a commit's answer, so that the floor writes what a primary writes. */
  static final String RECEIPT = new JsonObject().put("id", "b12-345678").put("status", "committed").put("seq", 1_000_000_123_456L)
      .put("viewnum", 3).put("call", new JsonObject().put("type", "cab").put("elevator", "bench12").put("floor", 2)).encode();

  @ArgGroup(exclusive = true, multiplicity = "1") Role role;

  static final class Role {
    @Option(names = "--serve", description = "answer every POST on this port", paramLabel = "PORT") Integer serve;
    @Option(names = "--relay", description = "forward every POST on this port to --to, answer once it answered", paramLabel = "PORT") Integer relay;
    @Option(names = "--load", description = "run the closed loop against this http URL", paramLabel = "URL") String load;
  }

  @Option(names = "--to", description = "the relay's server: http URL") String to;
  @Option(names = "--forward-connections", defaultValue = "64", description = "the relay's pool of connections to --to") int forwardConnections;
  @Option(names = "--hops", defaultValue = "1", description = "named in the output: 1 (load → server) or 2 (load → relay → server)") int hops;
  @Option(names = "--clients", split = ",", defaultValue = "1,16,64") List<Integer> levels;
  @Option(names = "--warmup-s", defaultValue = "3", description = "before each level, not measured") int warmupS;
  @Option(names = "--jit-warmup-s", defaultValue = "10", description = "once, before the first level, 16 clients") int jitWarmupS;
  @Option(names = "--seconds", defaultValue = "8") int seconds;
  @Option(names = "--pid", description = "NAME=PID of a process whose CPU to report; repeatable") Map<String, Long> pids = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx(ProcessMetrics.options());
    if (role.serve != null) {
      vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> answer(req))).listen(role.serve, "127.0.0.1").await();
      new CountDownLatch(1).await(); // serves until killed
    }
    if (role.relay != null) {
      if (to == null) throw new CommandLine.ParameterException(new CommandLine(this), "--relay needs --to");
      URI server = URI.create(to);
      RequestOptions forwardTo = new RequestOptions().setMethod(HttpMethod.POST).setHost(server.getHost()).setPort(server.getPort()).setURI("/forward");
      HttpClientAgent forward = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(forwardConnections));
      vertx.createHttpServer().requestHandler(req -> req.body()
          .compose(b -> forward.request(forwardTo).compose(r -> r.send(b)))
          .compose(HttpClientResponse::body)
          .onComplete(ar -> {
            if (ar.succeeded()) answer(req);
            else req.response().setStatusCode(502).end();
          })).listen(role.relay, "127.0.0.1").await();
      new CountDownLatch(1).await(); // relays until killed
    }
    try {
      run(vertx);
    } finally {
      vertx.close().await();
    }
    return 0;
  }

  private static void answer(HttpServerRequest req) {
    req.response().putHeader("content-type", "application/json").end(RECEIPT);
  }

  private void run(Vertx vertx) throws InterruptedException {
    int most = Math.max(levels.stream().mapToInt(Integer::intValue).max().orElse(1), jitWarmupS > 0 ? 16 : 0);
    HttpClientAgent agent = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
    OwnConnection[] own = new OwnConnection[most];
    for (int c = 0; c < most; c++) own[c] = new OwnConnection(agent);
    Map<String, Long> watched = new LinkedHashMap<>(pids);
    watched.put("load generator", ProcessHandle.current().pid());
    ProcessCpu cpu = new ProcessCpu(watched);
    ClosedLoop loop = new ClosedLoop(vertx);
    if (jitWarmupS > 0) print(loop.run(16, c -> n -> order(own[c], c, n), 0, jitWarmupS * 1000L, cpu).put("phase", "JIT warm-up, not a measurement"));
    for (int clients : levels) print(loop.run(clients, c -> n -> order(own[c], c, n), warmupS * 1000L, seconds * 1000L, cpu));
  }

  /** The body bench-commit posts, so that both read and forward the same bytes. */
  private Future<?> order(OwnConnection link, int client, long n) {
    Buffer body = new JsonObject().put("id", "b" + client + "-" + n).put("type", "cab")
        .put("elevator", "bench" + client).put("floor", (int) (n % 4)).toBuffer();
    return link.post(role.load, "/orders", body)
        .compose(a -> a.status() == 200 ? Future.succeededFuture() : Future.failedFuture("status " + a.status()));
  }

  private void print(JsonObject line) {
    System.out.println(new JsonObject().put("bench", "http-floor").put("hops", hops).mergeIn(line).put("machine", Machine.describe()).encode());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new HttpFloorBench()).execute(args));
  }
}
