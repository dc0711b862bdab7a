package org.paternoster.view.group;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;

/**
 * The replicated half of the view service: the saved state ({@link org.paternoster.view.SavedState}
 * as JSON) and a version that counts accepted writes. Deterministic: every member applies the same
 * log to the same result.
 *
 * <p>A write is {@code {"type":"write","term":T,"expect":V,"state":{...}}}. It is applied only if
 * {@code T} is the term of the log entry that carries it, i.e. the writer led the term in which
 * its write was ordered (a deposed leader's write, relayed by a later leader, is refused: it was
 * computed from leases that leader does not know), and {@code V} is the current version (the
 * writer read everything written before). The reply is {@code {"ok":bool,"version":V'}}.
 * A read ({@code {"type":"read"}}) answers {@code {"version":V,"state":{...}|null}}.
 *
 * <p>No snapshots: view changes are rare and each is one small entry, so the log replayed at start
 * stays short for years of normal operation.
 */
final class ViewLog extends BaseStateMachine {
  private long version;
  private JsonObject state; // null until the first write

  static Message write(long term, long expect, JsonObject state) {
    return message(new JsonObject().put("type", "write").put("term", term).put("expect", expect).put("state", state));
  }

  static Message read() {
    return message(new JsonObject().put("type", "read"));
  }

  static JsonObject parse(Message reply) {
    return new JsonObject(reply.getContent().toString(StandardCharsets.UTF_8));
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    JsonObject write = new JsonObject(entry.getStateMachineLogEntry().getLogData().toString(StandardCharsets.UTF_8));
    boolean ok;
    synchronized (this) {
      ok = "write".equals(write.getString("type"))
          && write.getLong("term", -1L) == entry.getTerm()
          && write.getLong("expect", -1L) == version;
      if (ok) {
        version++;
        state = write.getJsonObject("state");
      }
      updateLastAppliedTermIndex(TermIndex.valueOf(entry));
    }
    return CompletableFuture.completedFuture(message(new JsonObject().put("ok", ok).put("version", currentVersion())));
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.completedFuture(message(snapshot()));
  }

  /** What this member has applied so far (a follower may lag the leader). */
  synchronized JsonObject snapshot() {
    return new JsonObject().put("version", version).put("state", state == null ? null : state.copy());
  }

  private synchronized long currentVersion() {
    return version;
  }

  private static Message message(JsonObject json) {
    return Message.valueOf(json.encode());
  }
}
