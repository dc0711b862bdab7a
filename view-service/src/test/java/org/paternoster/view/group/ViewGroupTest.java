package org.paternoster.view.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.security.ClusterSecret;
import org.paternoster.testing.NetworkReach;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.PingAnswer;
import org.paternoster.view.PingTiming;
import org.paternoster.view.TotalLossPolicy;
import org.paternoster.view.View;
import org.paternoster.view.ViewServiceVerticle;
import org.paternoster.view.client.ViewServiceClient;

/**
 * Three view-service members in one JVM, each with its own Ratis server, Vert.x and data
 * directory, driven through HTTP as replicas drive them: one member leads, followers redirect,
 * killing the leader moves the service without losing or reversing a view, a deposed leader's
 * write is refused, and a member restarted from its disk rejoins.
 */
class ViewGroupTest {
  static final PingTiming TIMING = new PingTiming(50, 10);
  static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path data;
  final List<Member> members = new ArrayList<>();
  String list;
  Vertx clientVertx;
  WebClient web;
  ViewServiceClient client;
  final Map<String, Long> holds = new ConcurrentHashMap<>();
  /** The servers that ping, like replicas, every interval from a background thread. */
  final Set<String> pinging = ConcurrentHashMap.newKeySet();
  volatile PingAnswer primaryAnswer; // the latest answer a primary got
  ScheduledExecutorService replicas;
  final Map<String, String> incarnations = Map.of("a", "ia", "b", "ib", "c", "ic");

  /** One member: its consensus server and its HTTP shell, stopped together like a killed process. */
  final class Member {
    final int port;
    final int consensusPort;
    ViewGroup group;
    Vertx vertx;

    Member(int port, int consensusPort) {
      this.port = port;
      this.consensusPort = consensusPort;
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
      GroupMembers parsed = GroupMembers.parse(list, "127.0.0.1", port, null);
      vertx = Vertx.vertx();
      group = ViewGroup.start(parsed, data.resolve("m" + port), 150, 500, secret(), "127.0.0.1", vertx);
      ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", port, TIMING,
          new GroupAuthority(group, TIMING, TotalLossPolicy.REBUILD), new MonotonicClock());
      vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await();
    }

    void stop() throws IOException {
      group.close();
      vertx.close().await();
      group = null;
    }

    boolean running() {
      return group != null;
    }
  }

  /** The cluster secret the members share: none here (consensus directly on loopback), one in {@link SealedViewGroupTest}. */
  Optional<ClusterSecret> secret() {
    return Optional.empty();
  }

  @BeforeEach
  void start() throws IOException {
    for (int i = 0; i < 3; i++) members.add(new Member(freePort(), freePort()));
    list = members.stream().map(m -> "127.0.0.1:" + m.port + ":" + m.consensusPort).collect(Collectors.joining(","));
    for (Member m : members) m.start();
    clientVertx = Vertx.vertx();
    web = WebClient.create(clientVertx);
    client = new ViewServiceClient(web, ViewServiceLocator.fixed(members.stream().map(Member::url).collect(Collectors.joining(","))), 1_000);
    pinging.addAll(List.of("a", "b"));
    replicas = Executors.newSingleThreadScheduledExecutor();
    replicas.scheduleWithFixedDelay(() -> {
      for (String server : pinging) {
        PingAnswer a = ping(server);
        if (a != null && server.equals(a.view().primary())) primaryAnswer = a;
      }
    }, 0, TIMING.intervalMs(), TimeUnit.MILLISECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    replicas.shutdownNow();
    replicas.awaitTermination(10, TimeUnit.SECONDS);
    for (Member m : members) if (m.running()) m.stop();
    clientVertx.close().await();
  }

  /** Below the ephemeral range, so the members' own outgoing connections and relays cannot take it first. */
  static int freePort() {
    return org.paternoster.testing.FreePorts.pick();
  }

  /** One ping as {@code server}, adopting the view it names (a trivial replica); null when it failed. */
  PingAnswer ping(String server) {
    try {
      PingAnswer answer = client.ping(server, holds.getOrDefault(server, 0L), "http://" + server, incarnations.get(server)).await();
      if (answer.view().hasRole(server)) holds.put(server, answer.view().viewnum());
      return answer;
    } catch (Exception e) { // await() rethrows a failed future's cause, checked or not
      return null;
    }
  }

  /** {@code GET path} on {@code m}; null unless it answered 200. */
  JsonObject get(Member m, String path) {
    try {
      HttpResponse<Buffer> r = web.getAbs(m.url() + path).send().await();
      return r.statusCode() == 200 ? r.bodyAsJsonObject() : null;
    } catch (Exception e) { // await() rethrows a failed future's cause, checked or not
      return null;
    }
  }

  /** Waits, while the background replicas ping, until the primary holds a lease in a view satisfying {@code until}. */
  View awaitView(java.util.function.Predicate<View> until) {
    return await().atMost(BOUND).until(() -> {
      PingAnswer answer = primaryAnswer;
      return answer != null && answer.leaseMs() > 0 && until.test(answer.view()) ? answer.view() : null;
    }, v -> v != null);
  }

  Member leader() {
    String url = await().atMost(BOUND).until(() -> {
      for (Member m : members) {
        if (!m.running()) continue;
        JsonObject view = get(m, "/view");
        if (view != null && view.getString("leader") != null) return view.getString("leader");
      }
      return null;
    }, u -> u != null);
    return members.stream().filter(m -> m.url().equals(url)).findFirst().orElseThrow();
  }

  @Test
  void oneMemberLeadsFollowersRedirectAndEveryMemberShowsTheView() {
    View view = awaitView(v -> v.primary() != null && v.backup() != null);
    Member leader = leader();
    for (Member m : members) {
      await().atMost(BOUND).untilAsserted(() -> {
        JsonObject shown = get(m, "/view");
        assertThat(shown.getLong("viewnum")).as("%s applied the view", m.url()).isEqualTo(view.viewnum());
        assertThat(shown.getString("leader")).isEqualTo(leader.url());
        assertThat(shown.getJsonArray("members")).hasSize(3);
      });
    }
    Member follower = members.stream().filter(m -> m != leader).findFirst().orElseThrow();
    HttpResponse<Buffer> redirected = web.postAbs(follower.url() + "/ping")
        .sendJsonObject(new JsonObject().put("server", "a").put("viewnum", view.viewnum())).await();
    assertThat(redirected.statusCode()).isEqualTo(421);
    assertThat(redirected.bodyAsJsonObject().getString("leader")).isEqualTo(leader.url());
    assertThat(get(follower, "/view").getString("primary")).as("a follower's view is a copy, not a decision").isEqualTo(view.primary());
  }

  @Test
  void killingTheLeaderMovesTheServiceWithoutLosingOrReversingAView() throws IOException {
    View before = awaitView(v -> v.primary() != null && v.backup() != null);
    Member old = leader();
    long oldTerm = old.group.leadingTerm();
    old.stop();

    primaryAnswer = null;
    View after = awaitView(v -> true);
    // The new leader resumes the replicated view. It may also have moved on from it already: while
    // the group elected it, this test's one pinging thread can fall silent long enough for the
    // primary to be declared dead (suite run of 2026-12-01: view 3, b primary). Either way it
    // continued from `before`: never a lower number, never a view it did not know.
    assertThat(after.viewnum()).as("never reversed").isGreaterThanOrEqualTo(before.viewnum());
    if (after.viewnum() == before.viewnum()) {
      assertThat(after).as("the new leader resumes the replicated view").isEqualTo(before);
    } else {
      assertThat(after.primary()).as("a later view continues from it: its primary had a role in it").isIn(before.primary(), before.backup());
    }
    Member leader = leader();
    assertThat(leader).isNotSameAs(old);

    // The primary dies: the new leader can change the view, numbered above the old one.
    pinging.remove(before.primary());
    View promoted = awaitView(v -> before.backup().equals(v.primary()));
    assertThat(promoted.viewnum()).isGreaterThan(before.viewnum());

    // A write of the deposed leader's term, relayed now, is refused by the log. A confirmed read
    // needs a leader the group agrees on: on a loaded machine the group may be electing again (suite
    // run of 2026-12-01: "Leader is unknown"), so ask whichever member leads once it answers.
    Member current = await().atMost(BOUND).ignoreExceptions().until(() -> {
      Member m = leader();
      m.group.readConfirmed();
      return m;
    }, m -> m != null);
    JsonObject log = current.group.readConfirmed();
    JsonObject forged = log.getJsonObject("state").copy();
    forged.getJsonObject("view").put("viewnum", 999_999L);
    JsonObject refused = current.group.write(oldTerm, log.getLong("version"), forged);
    assertThat(refused.getBoolean("ok")).isFalse();
    long viewnumNow = await().atMost(BOUND).ignoreExceptions()
        .until(() -> leader().group.readConfirmed().getJsonObject("state").getJsonObject("view").getLong("viewnum"), v -> v != null);
    assertThat(viewnumNow).isLessThan(999_999L);

    // The old leader's machine comes back: it rejoins from its disk and catches up.
    old.start();
    await().atMost(BOUND).until(() -> get(old, "/view"), v -> v != null && v.getLong("viewnum") >= promoted.viewnum());
  }

  @Test
  void theConsensusPortCannotBeReachedFromTheNetwork() {
    awaitView(v -> v.primary() != null);
    java.net.InetAddress outside = NetworkReach.ownNetworkAddress().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "this machine has no network address besides loopback");
    for (Member m : members) {
      assertThat(NetworkReach.accepts(java.net.InetAddress.getLoopbackAddress(), m.consensusPort)).isTrue();
      assertThat(NetworkReach.accepts(outside, m.consensusPort)).as("member %s's consensus port through %s", m.url(), outside).isFalse();
    }
  }

  /** A Ratis client that does not hold the secret, asking every member's consensus port which groups it serves. */
  @Test
  void aRaftClientWithoutTheSecretIsAnsweredOnlyInAClusterWithoutOne() throws IOException {
    awaitView(v -> v.primary() != null);
    long term = leader().group.leadingTerm();
    org.apache.ratis.conf.RaftProperties props = new org.apache.ratis.conf.RaftProperties();
    org.apache.ratis.RaftConfigKeys.Rpc.setType(props, org.apache.ratis.rpc.SupportedRpcType.NETTY);
    org.apache.ratis.client.RaftClientConfigKeys.Rpc.setRequestTimeout(props,
        org.apache.ratis.util.TimeDuration.valueOf(500, TimeUnit.MILLISECONDS));
    GroupMembers listed = GroupMembers.parse(list, "127.0.0.1", members.get(0).port, null);
    org.apache.ratis.protocol.RaftGroup atThePorts = org.apache.ratis.protocol.RaftGroup.valueOf(ViewGroup.GROUP_ID, listed.members().stream()
        .map(m -> org.apache.ratis.protocol.RaftPeer.newBuilder().setId(m.id()).setAddress(m.consensusAddress()).build())
        .toList());
    try (org.apache.ratis.client.RaftClient outsider = org.apache.ratis.client.RaftClient.newBuilder().setProperties(props)
        .setRaftGroup(atThePorts).setRetryPolicy(org.apache.ratis.retry.RetryPolicies.noRetry()).build()) {
      for (org.apache.ratis.protocol.RaftPeer port : atThePorts.getPeers()) {
        var asked = org.assertj.core.api.Assertions.catchThrowable(
            () -> assertThat(outsider.getGroupManagementApi(port.getId()).list().getGroupIds()).contains(ViewGroup.GROUP_ID));
        if (secret().isEmpty()) assertThat(asked).as("answered through %s", port.getAddress()).isNull();
        else assertThat(asked).as("answered through %s", port.getAddress()).isInstanceOf(IOException.class);
      }
    }
    assertThat(leader().group.leadingTerm()).isEqualTo(term);
  }

  /**
   * Ratis 3.2.1's client closes its ordered window to a server for good once a request there has
   * used up its retries (seen in bench-vs-failover --sealed: a leader whose reads all failed with
   * "SlidingWindow$Client ... is closed" could not decide views for 14 s). When a read fails so,
   * the member's client is replaced and reads go on; any other failure keeps the client.
   */
  @Test
  void aClientWhoseWindowRatisClosedIsReplacedAndReadsGoOn() throws IOException {
    awaitView(v -> v.primary() != null && v.backup() != null);
    Member leading = await().atMost(BOUND).until(
        () -> members.stream().filter(m -> m.group.leadingTerm() >= 0).findFirst().orElse(null), m -> m != null);
    org.apache.ratis.client.RaftClient before = leading.group.client();
    leading.group.renewIfClosed(before, new java.util.concurrent.CompletionException(new java.io.IOException("timed out")));
    assertThat(leading.group.client()).as("another failure keeps the client").isSameAs(before);
    leading.group.renewIfClosed(before, new java.util.concurrent.CompletionException(
        new org.apache.ratis.protocol.exceptions.AlreadyClosedException("SlidingWindow$Client:client->self is closed.")));
    assertThat(leading.group.client()).as("a closed window: a new client").isNotSameAs(before);
    assertThat(leading.group.readConfirmed().getLong("version")).isNotNull();
    org.apache.ratis.client.RaftClient renewed = leading.group.client();
    leading.group.renewIfClosed(before, new org.apache.ratis.protocol.exceptions.AlreadyClosedException("late news of the old client"));
    assertThat(leading.group.client()).as("only the client that failed is replaced").isSameAs(renewed);
  }
}
