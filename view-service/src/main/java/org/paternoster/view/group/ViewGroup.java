package org.paternoster.view.group;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.paternoster.security.ClusterSecret;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.util.TimeDuration;

/**
 * This process's member of the replicated view service: an embedded Apache Ratis server holding
 * the {@link ViewLog}, and a client to it. Consensus (election, log replication, durability of
 * the log on each member's disk) is Ratis's; this class only starts it and asks it questions.
 *
 * <p>Blocking: {@link #readConfirmed()} and {@link #write} wait for the group (bounded by
 * {@code requestTimeoutMs}); call them from a worker thread, never an event loop.
 */
public final class ViewGroup implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ViewGroup.class);
  static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.nameUUIDFromBytes("paternoster-view-service".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

  private final GroupMembers members;
  private final RaftServer server;
  /** Renewed when Ratis closes its ordered window to this member for good (see {@link #renewIfClosed}). */
  private volatile RaftClient client;
  private boolean closing; // guarded by this
  private final Supplier<RaftClient> newClient;
  private final ViewLog log;
  private final RaftPeerId self;
  private final ConsensusTunnel tunnel; // null without a cluster secret

  private ViewGroup(GroupMembers members, RaftServer server, Supplier<RaftClient> newClient, ViewLog log,
      ConsensusTunnel tunnel) {
    this.members = members;
    this.newClient = newClient;
    this.tunnel = tunnel;
    this.server = server;
    this.client = newClient.get();
    this.log = log;
    this.self = RaftPeerId.valueOf(members.self().id());
  }

  /**
   * Starts this member without a cluster secret, its consensus engine listening on its listed
   * host (which must then be a loopback address, {@code BindPolicy}), keeping its log under
   * {@code dataDir} (recovered when present).
   *
   * @param electionTimeoutMs Ratis's minimum election timeout; the maximum is twice that
   * @param requestTimeoutMs how long a read or write may wait for the group
   */
  public static ViewGroup start(GroupMembers members, Path dataDir, long electionTimeoutMs, long requestTimeoutMs) throws IOException {
    return start(members, dataDir, electionTimeoutMs, requestTimeoutMs, Optional.empty(), members.self().host(), (Vertx) null);
  }

  /**
   * As above, the consensus port on {@code bindHost}. Without a secret the consensus engine
   * listens there itself. With one, every write to the view log is sealed with it and checked by
   * every member ({@link ViewLog}), and the engine listens on loopback only, reached from the
   * other members through sealed tunnels on {@code vertx} ({@link ConsensusTunnel}).
   */
  public static ViewGroup start(GroupMembers members, Path dataDir, long electionTimeoutMs, long requestTimeoutMs,
      Optional<ClusterSecret> secret, String bindHost, Vertx vertx) throws IOException {
    ConsensusTunnel tunnel = secret.map(s -> ConsensusTunnel.open(vertx, s, members)).orElse(null);
    try {
      return startThrough(tunnel, members, dataDir, electionTimeoutMs, requestTimeoutMs, secret, bindHost);
    } catch (IOException | RuntimeException e) {
      if (tunnel != null) tunnel.close();
      throw e;
    }
  }

  private static ViewGroup startThrough(ConsensusTunnel tunnel, GroupMembers members, Path dataDir, long electionTimeoutMs,
      long requestTimeoutMs, Optional<ClusterSecret> secret, String bindHost) throws IOException {
    GroupMembers.Member me = members.self();
    // Through the tunnel, the engine listens on a loopback port of the system's choice and
    // dials every other member at its local relay; directly, everyone at the listed address.
    // The address given here for this member itself is never dialled by its own engine.
    Function<GroupMembers.Member, String> address = tunnel == null
        ? GroupMembers.Member::consensusAddress
        : m -> m.equals(me) ? "127.0.0.1:0" : tunnel.relayAddress(m.id());
    RaftGroup group = RaftGroup.valueOf(GROUP_ID, members.members().stream()
        .map(m -> RaftPeer.newBuilder().setId(m.id()).setAddress(address.apply(m)).build())
        .toList());
    RaftProperties props = new RaftProperties();
    // Netty, not gRPC: a gRPC channel to a member that was down stays in its reconnect backoff
    // (up to minutes) and fails vote requests fast meanwhile, so an election after a member came
    // back could take 12 s; Ratis's Netty client drops a failed connection and dials afresh.
    RaftConfigKeys.Rpc.setType(props, SupportedRpcType.NETTY);
    NettyConfigKeys.Server.setHost(props, tunnel == null ? bindHost : "127.0.0.1");
    NettyConfigKeys.Server.setPort(props, tunnel == null ? me.consensusPort() : 0);
    RaftServerConfigKeys.setStorageDir(props, List.of(dataDir.toFile()));
    // A read through a member is a ReadIndex: the leader confirms with a majority that it still
    // leads, after the read began (no leader lease: no clock assumption inside the group).
    RaftServerConfigKeys.Read.setOption(props, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setTimeout(props, TimeDuration.valueOf(requestTimeoutMs, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMin(props, TimeDuration.valueOf(electionTimeoutMs, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(props, TimeDuration.valueOf(2 * electionTimeoutMs, TimeUnit.MILLISECONDS));
    // A leader that stepped down for lost heartbeats stands again only after this (Ratis: 10 s).
    // With one member down, the other live one may be behind in the log and unable to win, so the
    // group had no leader for 10 s (bench-vs-failover --sealed, 4 rounds in 20). Pre-vote (on by
    // default) already keeps a member that cannot win from disrupting a leader; one election
    // period is enough for another member to take over first.
    RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(props, TimeDuration.valueOf(2 * electionTimeoutMs, TimeUnit.MILLISECONDS));
    RaftClientConfigKeys.Rpc.setRequestTimeout(props, TimeDuration.valueOf(requestTimeoutMs, TimeUnit.MILLISECONDS));
    ViewLog log = new ViewLog(secret);
    RaftServer server = RaftServer.newBuilder()
        .setServerId(RaftPeerId.valueOf(me.id()))
        .setGroup(group)
        .setStateMachine(log)
        .setProperties(props)
        .setOption(RaftStorage.StartupOption.RECOVER)
        .build();
    server.start();
    RaftGroup clientGroup = group;
    if (tunnel != null) {
      int enginePort = server.getServerRpc().getInetSocketAddress().getPort();
      tunnel.whenRelayLost(id -> server.getServerRpc().handleException(RaftPeerId.valueOf(id),
          new IOException("the consensus tunnel to " + id + " closed"), true));
      try {
        tunnel.admit(bindHost, me.consensusPort(), enginePort);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      clientGroup = RaftGroup.valueOf(GROUP_ID, group.getPeers().stream()
          .map(p -> p.getId().toString().equals(me.id()) ? RaftPeer.newBuilder(p).setAddress("127.0.0.1:" + enginePort).build() : p)
          .toList());
    }
    RaftGroup toGroup = clientGroup;
    Supplier<RaftClient> newClient = () -> RaftClient.newBuilder()
        .setProperties(props)
        .setRaftGroup(toGroup)
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3, TimeDuration.valueOf(20, TimeUnit.MILLISECONDS)))
        .build();
    return new ViewGroup(members, server, newClient, log, tunnel);
  }

  public GroupMembers members() {
    return members;
  }

  /** This member's term while it leads and has applied everything committed before, else -1. */
  public long leadingTerm() {
    try {
      DivisionInfo info = server.getDivision(GROUP_ID).getInfo();
      return info.isLeader() && info.isLeaderReady() ? info.getCurrentTerm() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The member this one believes leads, if any. */
  public Optional<GroupMembers.Member> leader() {
    try {
      RaftPeerId id = server.getDivision(GROUP_ID).getInfo().getLeaderId();
      return id == null ? Optional.empty() : members.byId(id.toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code {"version","state"}} as applied on this member (may lag the leader). */
  public JsonObject local() {
    return log.snapshot();
  }

  /**
   * {@code {"version","state"}} through a linearizable read on this member: everything committed
   * before the call began, and, when this member leads, proof that it still led after the call
   * began (a majority acknowledged it then).
   */
  public JsonObject readConfirmed() throws IOException {
    try {
      return readConfirmedAsync().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** {@link #readConfirmed()} without blocking: completes on a Ratis thread. */
  public CompletableFuture<JsonObject> readConfirmedAsync() {
    RaftClient asked = client;
    return asked.async().sendReadOnly(ViewLog.read(), self).handle((reply, failure) -> {
      if (failure != null) {
        renewIfClosed(asked, failure);
        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
      }
      if (!reply.isSuccess()) throw new CompletionException(new IOException("read failed: " + reply.getException()));
      return ViewLog.parse(reply.getMessage());
    });
  }

  /**
   * Replaces {@code failed} with a new client when {@code failure} says it is closed. Ratis's
   * client (3.2.1) closes its ordered window to a server for good once a request there has used
   * up its retries (a member alone, or without a majority for a while), and every later request
   * fails at once with "is closed": this member could never confirm leadership again (seen in
   * bench-vs-failover --sealed: a leader that could not decide views for 14 s, until it lost its
   * term). Not after {@link #close()}, when every client is closed on purpose.
   */
  void renewIfClosed(RaftClient failed, Throwable failure) {
    boolean closed = false;
    for (Throwable t = failure; t != null && !closed; t = t.getCause()) closed = t instanceof AlreadyClosedException;
    if (!closed) return;
    synchronized (this) {
      if (closing || client != failed) return;
      client = newClient.get();
    }
    LOG.warn("renewed the consensus client: {}", failure.getMessage());
    CompletableFuture.runAsync(() -> {
      try {
        failed.close();
      } catch (IOException e) {
        // it was broken already
      }
    });
  }

  /** Writes {@code state} as the leader of {@code term} expecting {@code version}; see {@link ViewLog}. */
  public JsonObject write(long term, long version, JsonObject state) throws IOException {
    RaftClientReply reply = client.io().send(log.write(term, version, state));
    if (!reply.isSuccess()) throw new IOException("write failed: " + reply.getException());
    return ViewLog.parse(reply.getMessage());
  }

  /** The client reads and writes go through now (for tests). */
  RaftClient client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      closing = true;
    }
    try {
      client.close();
    } finally {
      try {
        server.close();
      } finally {
        if (tunnel != null) tunnel.close();
      }
    }
  }
}
