package org.paternoster.view.group;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.paternoster.security.ClusterSecret;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.protocol.RaftClientReply;
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
  private static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.nameUUIDFromBytes("paternoster-view-service".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

  private final GroupMembers members;
  private final RaftServer server;
  private final RaftClient client;
  private final ViewLog log;
  private final RaftPeerId self;

  private ViewGroup(GroupMembers members, RaftServer server, RaftClient client, ViewLog log) {
    this.members = members;
    this.server = server;
    this.client = client;
    this.log = log;
    this.self = RaftPeerId.valueOf(members.self().id());
  }

  /**
   * Starts this member, keeping its log under {@code dataDir} (recovered when present).
   *
   * @param electionTimeoutMs Ratis's minimum election timeout; the maximum is twice that
   * @param requestTimeoutMs how long a read or write may wait for the group
   */
  public static ViewGroup start(GroupMembers members, Path dataDir, long electionTimeoutMs, long requestTimeoutMs) throws IOException {
    return start(members, dataDir, electionTimeoutMs, requestTimeoutMs, Optional.empty());
  }

  /** As above; with {@code secret}, every write to the view log is sealed with it and checked by every member ({@link ViewLog}). */
  public static ViewGroup start(GroupMembers members, Path dataDir, long electionTimeoutMs, long requestTimeoutMs,
      Optional<ClusterSecret> secret) throws IOException {
    List<RaftPeer> peers = members.members().stream()
        .map(m -> RaftPeer.newBuilder().setId(m.id()).setAddress(m.consensusAddress()).build())
        .toList();
    RaftGroup group = RaftGroup.valueOf(GROUP_ID, peers);
    RaftProperties props = new RaftProperties();
    // Netty, not gRPC: a gRPC channel to a member that was down stays in its reconnect backoff
    // (up to minutes) and fails vote requests fast meanwhile, so an election after a member came
    // back could take 12 s; Ratis's Netty client drops a failed connection and dials afresh.
    RaftConfigKeys.Rpc.setType(props, SupportedRpcType.NETTY);
    NettyConfigKeys.Server.setPort(props, members.self().consensusPort());
    RaftServerConfigKeys.setStorageDir(props, List.of(dataDir.toFile()));
    // A read through a member is a ReadIndex: the leader confirms with a majority that it still
    // leads, after the read began (no leader lease: no clock assumption inside the group).
    RaftServerConfigKeys.Read.setOption(props, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setTimeout(props, TimeDuration.valueOf(requestTimeoutMs, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMin(props, TimeDuration.valueOf(electionTimeoutMs, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(props, TimeDuration.valueOf(2 * electionTimeoutMs, TimeUnit.MILLISECONDS));
    RaftClientConfigKeys.Rpc.setRequestTimeout(props, TimeDuration.valueOf(requestTimeoutMs, TimeUnit.MILLISECONDS));
    ViewLog log = new ViewLog(secret);
    RaftServer server = RaftServer.newBuilder()
        .setServerId(RaftPeerId.valueOf(members.self().id()))
        .setGroup(group)
        .setStateMachine(log)
        .setProperties(props)
        .setOption(RaftStorage.StartupOption.RECOVER)
        .build();
    server.start();
    RaftClient client = RaftClient.newBuilder()
        .setProperties(props)
        .setRaftGroup(group)
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3, TimeDuration.valueOf(20, TimeUnit.MILLISECONDS)))
        .build();
    return new ViewGroup(members, server, client, log);
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
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** {@link #readConfirmed()} without blocking: completes on a Ratis thread. */
  public java.util.concurrent.CompletableFuture<JsonObject> readConfirmedAsync() {
    return client.async().sendReadOnly(ViewLog.read(), self).thenApply(reply -> {
      if (!reply.isSuccess()) throw new java.util.concurrent.CompletionException(new IOException("read failed: " + reply.getException()));
      return ViewLog.parse(reply.getMessage());
    });
  }

  /** Writes {@code state} as the leader of {@code term} expecting {@code version}; see {@link ViewLog}. */
  public JsonObject write(long term, long version, JsonObject state) throws IOException {
    RaftClientReply reply = client.io().send(log.write(term, version, state));
    if (!reply.isSuccess()) throw new IOException("write failed: " + reply.getException());
    return ViewLog.parse(reply.getMessage());
  }

  @Override
  public void close() throws IOException {
    try {
      client.close();
    } finally {
      server.close();
    }
  }
}
