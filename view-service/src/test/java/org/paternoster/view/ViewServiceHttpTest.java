package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.client.ViewServiceClient;

/**
 * The view service driven only through its HTTP API, as an outside test would: the MIT 6.824
 * sequence with real time (small intervals), bad input, history, health. Timing assertions are
 * coarse: "changes eventually", "does not change for several dead intervals".
 */
@ExtendWith(VertxExtension.class)
class ViewServiceHttpTest {
  static final PingTiming TIMING = new PingTiming(25, 8);
  static final Duration DEAD = Duration.ofMillis(TIMING.deadAfterMs());

  WebClient web;
  ViewServiceClient client;
  int port;
  /** The view number each simulated server holds: a trivial replica that adopts every view at once. */
  final Map<String, Long> holds = new HashMap<>();
  /** Servers that stopped adopting new views: they keep reporting what they hold, never acking. */
  final Set<String> frozen = new HashSet<>();

  @BeforeEach
  void deploy(Vertx vertx) {
    ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", 0, TIMING, ViewStore.inMemory(), new MonotonicClock());
    vertx.deployVerticle(verticle).await();
    port = verticle.actualPort();
    web = WebClient.create(vertx);
    client = new ViewServiceClient(web, "http://127.0.0.1:" + port);
  }

  View ping(String server) {
    View view = client.ping(server, holds.getOrDefault(server, 0L), "http://" + server).await().view();
    if (view.hasRole(server) && !frozen.contains(server)) holds.put(server, view.viewnum());
    return view;
  }

  void restart(String server) {
    holds.put(server, 0L);
  }

  /**
   * Every ping interval, pings as each of {@code servers}, until the current view satisfies
   * {@code until} and its primary acked it (unless the primary is frozen).
   */
  View pingUntil(Predicate<View> until, String... servers) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(TIMING.intervalMs())).until(() -> {
      for (String s : servers) ping(s);
      ViewState state = client.view().await();
      return until.test(state.view()) && (state.acked() || frozen.contains(state.view().primary()));
    });
    return view();
  }

  /** Pings as {@code servers} for {@code during}; the view must stay {@code expected} throughout. */
  void pingKeeping(View expected, Duration during, String... servers) {
    await().during(during).atMost(during.multipliedBy(3)).pollInterval(Duration.ofMillis(TIMING.intervalMs())).until(() -> {
      for (String s : servers) ping(s);
      return view().equals(expected);
    });
  }

  boolean alive(String server) {
    return client.servers().await().stream().map(JsonObject.class::cast)
        .anyMatch(s -> s.getString("server").equals(server) && s.getBoolean("alive"));
  }

  View view() {
    return client.view().await().view();
  }

  static View view(long n, String primary, String backup) {
    return new View(n, primary, backup, primary == null ? null : "http://" + primary, backup == null ? null : "http://" + backup);
  }

  @Test
  void theMitSequence() {
    assertThat(client.view().await()).isEqualTo(new ViewState(View.INITIAL, false));

    // First primary.
    assertThat(pingUntil(v -> v.primary() != null, "a")).isEqualTo(view(1, "a", null));
    // First backup.
    assertThat(pingUntil(v -> v.backup() != null, "a", "b")).isEqualTo(view(2, "a", "b"));
    // Backup takes over if the primary fails.
    assertThat(pingUntil(v -> "b".equals(v.primary()), "b")).isEqualTo(view(3, "b", null));
    // Restarted server becomes backup.
    restart("a");
    assertThat(pingUntil(v -> v.backup() != null, "a", "b")).isEqualTo(view(4, "b", "a"));
    // Idle third server becomes backup when the primary fails.
    ping("c");
    assertThat(pingUntil(v -> v.viewnum() > 4, "a", "c")).isEqualTo(view(5, "a", "c"));
    // Restarted primary is treated as dead.
    restart("a");
    assertThat(pingUntil(v -> v.viewnum() > 5, "a", "c")).isEqualTo(view(6, "c", "a"));
    // Dead backup is removed.
    assertThat(pingUntil(v -> v.viewnum() > 6, "c")).isEqualTo(view(7, "c", null));
    // The service waits for the primary to ack: c stops adopting views, b joins; no promotion past
    // the un-acked view 8 (d pinging does not make it change). Beyond MIT: once b dies before the
    // ack, b is replaced (our primary acks only when its backup holds the state, so waiting for
    // that ack would wait forever), and c, which holds the state, stays primary.
    frozen.add("c");
    assertThat(pingUntil(v -> v.viewnum() > 7, "b", "c")).isEqualTo(view(8, "c", "b"));
    pingKeeping(view(8, "c", "b"), DEAD.dividedBy(2), "b", "c");
    assertThat(client.view().await().acked()).isFalse();
    assertThat(pingUntil(v -> v.viewnum() > 8, "c")).isEqualTo(view(9, "c", null));
    assertThat(client.views().await().getJsonObject(8).getString("reason")).isEqualTo("backup dead before the view was acked");
    frozen.remove("c");
    // An uninitialized server never becomes primary: c dies, then d pings.
    await().atMost(Duration.ofSeconds(10)).until(() -> !alive("c"));
    pingKeeping(view(9, "c", null), DEAD.multipliedBy(3), "d");
  }

  /** Deploys another view service with {@code timing} on a free port; returns its URL. */
  static String deploy(Vertx vertx, PingTiming timing) {
    ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", 0, timing, ViewStore.inMemory(), new MonotonicClock());
    vertx.deployVerticle(verticle).await();
    return "http://127.0.0.1:" + verticle.actualPort();
  }

  /** Pings as a and b (each through its own client) until a is primary and b backup of view 2, acked. */
  static void appointAThenB(ViewServiceClient a, ViewServiceClient b) {
    await().atMost(Duration.ofSeconds(10)).until(() -> "a".equals(a.ping("a", 0, "http://a").await().view().primary()));
    a.ping("a", 1, "http://a").await();
    b.ping("b", 0, "http://b").await();
    a.ping("a", 2, "http://a").await();
    b.ping("b", 2, "http://b").await();
    assertThat(b.view().await().view()).isEqualTo(view(2, "a", "b"));
  }

  /**
   * The crash hint through real sockets: a server whose connection closes (its process gone) is
   * dead long before the adaptive detector's warm-up threshold would say so from silence alone.
   */
  @Test
  void aServerWhoseConnectionClosesIsDeadWithinTheGraceNotTheSilenceThreshold(Vertx vertx) {
    PingTiming adaptive = PingTiming.DEFAULT;
    String url = deploy(vertx, adaptive);
    WebClient ownConnection = WebClient.create(vertx);
    ViewServiceClient a = new ViewServiceClient(ownConnection, url);
    ViewServiceClient b = new ViewServiceClient(web, url);
    appointAThenB(a, b);
    ownConnection.close(); // a's process is gone: its socket closes
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(adaptive.intervalMs()))
        .until(() -> b.ping("b", 2, "http://b").await().view().viewnum() == 3);
    JsonObject failover = b.views().await().getJsonObject(2);
    assertThat(failover.getString("primary")).isEqualTo("b");
    assertThat(failover.getLong("failoverMs")).as("silence alone would take %d ms in the warm-up", adaptive.maxDeadMs())
        .isLessThan(adaptive.maxDeadMs());
  }

  @Test
  void aServerThatReconnectsAfterItsConnectionClosedStaysAlive(Vertx vertx) {
    PingTiming adaptive = PingTiming.DEFAULT;
    String url = deploy(vertx, adaptive);
    ViewServiceClient b = new ViewServiceClient(web, url);
    WebClient[] connection = {WebClient.create(vertx)};
    ViewServiceClient[] a = {new ViewServiceClient(connection[0], url)};
    appointAThenB(a[0], b);
    // a drops its connection after every few pings, as a timed-out ping does, and pings on at once.
    await().during(Duration.ofMillis(3 * adaptive.maxDeadMs())).atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(adaptive.intervalMs())).until(() -> {
          connection[0].close();
          connection[0] = WebClient.create(vertx);
          a[0] = new ViewServiceClient(connection[0], url);
          a[0].ping("a", 2, "http://a").await();
          return b.ping("b", 2, "http://b").await().view().equals(view(2, "a", "b"));
        });
  }

  /**
   * Found reading the code: the crash hint set the connection's one close handler and so took the
   * place of the server's count of open connections, and every ping connection ever closed stayed
   * counted until the view service refused all connections (4,096 reconnects: restarts, timed-out
   * pings). Each closed connection must leave the count, and still be a crash hint.
   */
  @Test
  void aPingConnectionThatClosesLeavesTheCountOfOpenConnectionsAndIsStillACrashHint(Vertx vertx) {
    ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", 0, PingTiming.DEFAULT, ViewStore.inMemory(), new MonotonicClock());
    vertx.deployVerticle(verticle).await();
    String url = "http://127.0.0.1:" + verticle.actualPort();
    WebClient[] own = {WebClient.create(vertx), WebClient.create(vertx)};
    ViewServiceClient a = new ViewServiceClient(own[0], url);
    ViewServiceClient b = new ViewServiceClient(own[1], url);
    appointAThenB(a, b);
    int open = verticle.openConnections();
    assertThat(open).as("a's and b's connections").isGreaterThanOrEqualTo(2);
    own[0].close(); // a's process is gone
    await().atMost(Duration.ofSeconds(5)).until(() -> verticle.openConnections() < open);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(PingTiming.DEFAULT.intervalMs()))
        .until(() -> b.ping("b", 2, "http://b").await().view().viewnum() == 3);
    assertThat(b.views().await().getJsonObject(2).getLong("failoverMs")).as("dead by the crash hint, not the warm-up's silence")
        .isLessThan(PingTiming.DEFAULT.maxDeadMs());
    own[1].close();
    await().atMost(Duration.ofSeconds(5)).until(() -> verticle.openConnections() == 0);
  }

  /**
   * The crash probe through real sockets: a's connection closes and a's own port refuses a
   * connection (its process is gone), so a is dead long before the crash hint's grace (here 1 s).
   */
  @Test
  void aServerWhoseConnectionClosesAndWhosePortRefusesIsDeadBeforeTheGrace(Vertx vertx) {
    PingTiming slow = new PingTiming(250, 8); // a grace of 1 s, far beyond the probe's round trip
    String url = deploy(vertx, slow);
    io.vertx.core.net.NetServer aListens = vertx.createNetServer().connectHandler(s -> {}).listen(0, "127.0.0.1").await();
    String aAddress = "http://127.0.0.1:" + aListens.actualPort();
    WebClient aConnection = WebClient.create(vertx);
    ViewServiceClient a = new ViewServiceClient(aConnection, url);
    ViewServiceClient b = new ViewServiceClient(web, url);
    await().atMost(Duration.ofSeconds(10)).until(() -> "a".equals(a.ping("a", 0, aAddress).await().view().primary()));
    a.ping("a", 1, aAddress).await();
    b.ping("b", 0, "http://b").await();
    a.ping("a", 2, aAddress).await();
    b.ping("b", 2, "http://b").await();
    assertThat(b.view().await().view()).extracting(View::viewnum, View::primary, View::backup).containsExactly(2L, "a", "b");
    aListens.close().await(); // a's process is gone: its port refuses, its connection closes
    aConnection.close();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> b.ping("b", 2, "http://b").await().view().viewnum() == 3);
    assertThat(b.views().await().getJsonObject(2).getLong("failoverMs")).as("decided by the probe, not the %d ms grace", slow.closeGraceMs())
        .isLessThan(slow.closeGraceMs());
  }

  /** A client whose primary stopped answering waits for the next view and gets it when it is announced. */
  @Test
  void aLongPollIsAnsweredWithTheNextViewWhenItIsAnnounced() {
    ping("a");
    View first = pingUntil(v -> "a".equals(v.primary()), "a");
    var next = client.viewAfter(first.viewnum(), 2_000);
    assertThat(next.isComplete()).isFalse();
    View second = pingUntil(v -> "b".equals(v.backup()), "a", "b");
    assertThat(next.await().view()).isEqualTo(second);
    assertThat(client.viewAfter(first.viewnum(), 2_000).await().view()).as("already newer: at once").isEqualTo(second);
  }

  @Test
  void aLongPollWithNoNewViewEndsWithTheCurrentOne() {
    View first = pingUntil(v -> "a".equals(v.primary()), "a");
    assertThat(client.viewAfter(first.viewnum(), 200).await().view()).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/view?after=x&waitMs=10",
      "/view?after=-1&waitMs=10",
      "/view?after=1&waitMs=2001",
      "/view?after=1",
      "/view?waitMs=5",
      "/view?after=1&waitMs=99999999999999999999",
  })
  void malformedLongPollsAreRefusedAndChangeNothing(String path) {
    assertRefusedWithoutChange(HttpMethod.GET, path, Buffer.buffer(), 400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "not JSON                | 400 | `ping please`",
      "empty body              | 400 | ``",
      "array body              | 400 | `[{\"server\": \"x\", \"viewnum\": 0}]`",
      "server not a string     | 400 | `{\"server\": 5, \"viewnum\": 0}`",
      "missing server          | 400 | `{\"viewnum\": 0}`",
      "bad ID characters       | 400 | `{\"server\": \"x y\", \"viewnum\": 0}`",
      "empty ID                | 400 | `{\"server\": \"\", \"viewnum\": 0}`",
      "65-character ID         | 400 | `{\"server\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"viewnum\": 0}`",
      "missing viewnum         | 400 | `{\"server\": \"x\"}`",
      "negative viewnum        | 400 | `{\"server\": \"x\", \"viewnum\": -1}`",
      "fractional viewnum      | 400 | `{\"server\": \"x\", \"viewnum\": 1.5}`",
      "viewnum as string       | 400 | `{\"server\": \"x\", \"viewnum\": \"1\"}`",
      "huge viewnum            | 400 | `{\"server\": \"x\", \"viewnum\": 123456789012345678901234567890}`",
      "address not a string    | 400 | `{\"server\": \"x\", \"viewnum\": 0, \"address\": 7}`",
  })
  void malformedPingsAreRefusedAndChangeNothing(String name, int status, String body) {
    assertRefusedWithoutChange(HttpMethod.POST, "/ping", Buffer.buffer(body), status);
  }

  @Test
  void oversizedBodiesAndLongAddressesAreRefused() {
    String longAddress = "http://" + "x".repeat(ViewServiceApi.ADDRESS_MAX_LENGTH);
    JsonObject tooLong = new JsonObject().put("server", "x").put("viewnum", 0).put("address", longAddress);
    assertRefusedWithoutChange(HttpMethod.POST, "/ping", Buffer.buffer(tooLong.encode()), 400);
    JsonObject huge = new JsonObject().put("server", "x").put("viewnum", 0).put("pad", "x".repeat(ViewServiceApi.BODY_LIMIT_BYTES));
    assertRefusedWithoutChange(HttpMethod.POST, "/ping", Buffer.buffer(huge.encode()), 413);
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() {
    assertRefusedWithoutChange(HttpMethod.GET, "/nope", Buffer.buffer(), 404);
    assertRefusedWithoutChange(HttpMethod.GET, "/ping", Buffer.buffer(), 405);
    assertRefusedWithoutChange(HttpMethod.DELETE, "/view", Buffer.buffer(), 405);
  }

  void assertRefusedWithoutChange(HttpMethod method, String path, Buffer body, int status) {
    pingUntil(v -> "a".equals(v.primary()), "a"); // settled: no tick changes the view meanwhile
    ViewState before = client.view().await();
    JsonArray serversBefore = client.servers().await();
    HttpResponse<Buffer> response = web.request(method, port, "127.0.0.1", path).sendBuffer(body).await();
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("content-type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).isNotBlank();
    assertThat(client.view().await()).isEqualTo(before);
    assertThat(client.servers().await().stream().map(s -> ((JsonObject) s).getString("server")))
        .isEqualTo(serversBefore.stream().map(s -> ((JsonObject) s).getString("server")).toList());
  }

  @Test
  void historyListsEveryViewOldestFirstWithReasonAndTime() {
    long start = System.currentTimeMillis();
    pingUntil(v -> v.backup() != null, "a", "b");
    pingUntil(v -> "b".equals(v.primary()), "b");
    JsonArray views = client.views().await();
    assertThat(views).hasSize(3);
    JsonObject failover = views.getJsonObject(2);
    assertThat(failover.fieldNames()).containsExactlyInAnyOrder(
        "viewnum", "primary", "backup", "primaryAddress", "backupAddress", "primaryIncarnation", "backupIncarnation",
        "rebuild", "acked", "announcedAt", "reason", "failoverMs");
    assertThat(views.stream().map(v -> ((JsonObject) v).getString("reason")))
        .containsExactly("first primary", "backup joined", "primary dead");
    assertThat(views.getJsonObject(0).getBoolean("acked")).isTrue();
    assertThat(views.getJsonObject(0).getValue("failoverMs")).isNull();
    assertThat(failover.getLong("failoverMs")).isGreaterThanOrEqualTo(TIMING.deadAfterMs());
    assertThat(failover.getLong("announcedAt")).isBetween(start, System.currentTimeMillis());
  }

  @Test
  void viewJsonHasExactlyTheIssueFields() {
    pingUntil(v -> v.primary() != null, "a");
    JsonObject json = web.get(port, "127.0.0.1", "/view").send().await().bodyAsJsonObject();
    assertThat(json.getMap()).containsOnlyKeys("viewnum", "primary", "backup", "primaryAddress", "backupAddress",
        "primaryIncarnation", "backupIncarnation", "rebuild", "acked", "leaseHolder");
    assertThat(json.getBoolean("rebuild")).as("view 1 starts a lineage").isTrue();
    assertThat(json.getValue("backup")).isNull();
    assertThat(json.getString("primaryAddress")).isEqualTo("http://a");
  }

  @Test
  void serversListRolesAndLiveness() {
    pingUntil(v -> v.backup() != null, "a", "b");
    JsonObject a = client.servers().await().getJsonObject(0);
    assertThat(a.getString("server")).isEqualTo("a");
    assertThat(a.getString("role")).isEqualTo("primary");
    assertThat(a.getBoolean("alive")).isTrue();
    assertThat(a.getLong("viewnum")).isEqualTo(2);
    assertThat(a.getString("address")).isEqualTo("http://a");
    assertThat(a.getLong("lastPingAgeMs")).isNotNegative();
  }

  @Test
  void healthIsUp() {
    HttpResponse<Buffer> response = web.get(port, "127.0.0.1", "/health").send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP").put("role", "single")
        .put("view", 0).put("acked", false).put("store", "saved"));
  }

  @Test
  void healthIsDownWhileTheStoreCannotSaveANewView(Vertx vertx) {
    boolean[] failing = {false};
    ViewStore broken = new ViewStore() {
      @Override
      public java.util.Optional<SavedState> load() {
        return java.util.Optional.empty();
      }

      @Override
      public void save(SavedState state) throws java.io.IOException {
        if (failing[0]) throw new java.io.IOException("disk full");
      }

      @Override
      public String describe() {
        return "a disk that fills up";
      }
    };
    ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", 0, TIMING, broken, new MonotonicClock());
    vertx.deployVerticle(verticle).await();
    failing[0] = true;
    ViewServiceClient other = new ViewServiceClient(web, "http://127.0.0.1:" + verticle.actualPort());
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(TIMING.intervalMs())).until(() -> {
      other.ping("a", 0, "http://a").otherwiseEmpty().await(); // the first view cannot be saved: 503
      HttpResponse<Buffer> health = web.get(verticle.actualPort(), "127.0.0.1", "/health").send().await();
      return health.statusCode() == 503;
    });
    JsonObject health = web.get(verticle.actualPort(), "127.0.0.1", "/health").send().await().bodyAsJsonObject();
    assertThat(health.getString("status")).isEqualTo("DOWN");
    assertThat(health.getString("store")).contains("disk full");
  }
}
