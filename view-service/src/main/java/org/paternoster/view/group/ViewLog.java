package org.paternoster.view.group;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.paternoster.security.ClusterSecret;
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
 * <p><b>Sealed entries.</b> With a cluster secret, a write travels as
 * {@code {"sealed": TEXT, "mac": M}}: TEXT is the write's JSON text and M its HMAC under the
 * secret ({@link ClusterSecret#sign}); a member applies it only if M verifies, so nobody without
 * the secret can change the view through the consensus port (a stranger that gets itself elected
 * can stall the group, not write to it; docs/SECURITY.md). The MAC covers the term and the expected
 * version, so an old write replayed in a new entry is refused like any stale one. Without a
 * secret (loopback only), writes are plain, as before; with one, a plain write is refused.
 *
 * <p>No snapshots: view changes are rare and each is one small entry, so the log replayed at start
 * stays short for years of normal operation.
 */
final class ViewLog extends BaseStateMachine {
  static final String PURPOSE = "paternoster-view-log-v1";

  private final Optional<ClusterSecret> secret;
  private long version;
  private JsonObject state; // null until the first write

  /** {@code secret}: seals and checks every write when present. */
  ViewLog(Optional<ClusterSecret> secret) {
    this.secret = secret;
  }

  Message write(long term, long expect, JsonObject state) {
    JsonObject write = new JsonObject().put("type", "write").put("term", term).put("expect", expect).put("state", state);
    if (secret.isEmpty()) return message(write);
    String text = write.encode();
    return message(new JsonObject().put("sealed", text).put("mac", secret.get().sign(PURPOSE, text)));
  }

  /** The write an entry carries, opened; null if it is not one this member may apply (a bad or missing seal). */
  JsonObject open(String entryText) {
    try {
      JsonObject entry = new JsonObject(entryText);
      if (secret.isEmpty()) return entry;
      String text = entry.getString("sealed");
      return text != null && secret.get().verify(PURPOSE, text, entry.getString("mac")) ? new JsonObject(text) : null;
    } catch (RuntimeException e) {
      return null; // not JSON, or fields of the wrong type: refused like any bad write
    }
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
    boolean ok;
    synchronized (this) {
      ok = apply(entry.getStateMachineLogEntry().getLogData().toString(StandardCharsets.UTF_8), entry.getTerm());
      updateLastAppliedTermIndex(TermIndex.valueOf(entry));
    }
    return CompletableFuture.completedFuture(message(new JsonObject().put("ok", ok).put("version", currentVersion())));
  }

  /** Applies the write in an entry of {@code entryTerm} if it is one (see the class comment); whether it was. */
  synchronized boolean apply(String entryText, long entryTerm) {
    JsonObject write = open(entryText);
    boolean ok = write != null
        && "write".equals(write.getValue("type"))
        && write.getValue("term") instanceof Number term && term.longValue() == entryTerm
        && write.getValue("expect") instanceof Number expect && expect.longValue() == version
        && write.getValue("state") instanceof JsonObject;
    if (ok) {
      version++;
      state = write.getJsonObject("state");
    }
    return ok;
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
