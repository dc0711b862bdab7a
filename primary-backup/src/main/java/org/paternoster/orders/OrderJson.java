package org.paternoster.orders;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;

/**
 * JSON shapes of calls and operations, shared by the order API, replication and the elevator
 * link. A call is {@code {"type":"hall","floor":F,"direction":"up"}} or
 * {@code {"type":"cab","floor":F,"elevator":ID}}. Parsing validates strictly (throws
 * {@link BadRequest}); range checks against the building are the caller's ({@link Building}).
 */
public final class OrderJson {
  private OrderJson() {}

  public static JsonObject op(Op op) {
    JsonObject o = CallJson.toJson(op.call()).put("id", op.requestId());
    if (op instanceof Op.Served s) o.put("op", "served").put("callSeq", s.callSeq());
    else if (op instanceof Op.Restore r) o.put("op", "restore").put("callSeq", r.callSeq()).put("at", r.at());
    else o.put("op", "press");
    return o;
  }

  public static Op op(JsonObject o) {
    String id = Fields.id(o, "id");
    Call call = CallJson.fromJson(o);
    String kind = o.getString("op");
    if ("served".equals(kind)) return new Op.Served(id, call, Fields.integer(o, "callSeq", 1, Long.MAX_VALUE));
    if ("restore".equals(kind)) {
      return new Op.Restore(id, call, Fields.integer(o, "callSeq", 1, Long.MAX_VALUE), Fields.integer(o, "at", Long.MIN_VALUE, Long.MAX_VALUE));
    }
    return new Op.Press(id, call);
  }

  public static JsonObject sequenced(Sequenced s) {
    return new JsonObject().put("seq", s.seq()).put("at", s.at()).put("op", op(s.op()));
  }

  public static Sequenced sequenced(JsonObject o) {
    return new Sequenced(o.getLong("seq"), o.getLong("at"), op(o.getJsonObject("op")));
  }

  public static JsonObject pending(PendingCall p) {
    return CallJson.toJson(p.call()).put("seq", p.seq()).put("at", p.at()).put("createdSeq", p.createdSeq());
  }

  public static PendingCall pending(JsonObject o) {
    long seq = o.getLong("seq");
    return new PendingCall(CallJson.fromJson(o), seq, o.getLong("at"), o.getLong("createdSeq", seq)); // absent in books written before renewal
  }

  /** {@code [{call..., "seq"}]}. */
  public static JsonArray tombstones(java.util.List<Tombstone> served) {
    JsonArray out = new JsonArray();
    served.forEach(t -> out.add(CallJson.toJson(t.call()).put("seq", t.seq())));
    return out;
  }

  public static java.util.List<Tombstone> tombstones(JsonArray served) {
    return served.stream().map(o -> (JsonObject) o).map(o -> new Tombstone(CallJson.fromJson(o), o.getLong("seq"))).toList();
  }

  public static JsonObject snapshot(Snapshot s) {
    JsonArray pending = new JsonArray();
    s.pending().forEach(p -> pending.add(pending(p)));
    JsonArray receipts = new JsonArray();
    s.receipts().forEach(r -> receipts.add(new JsonArray().add(r.requestId()).add(r.seq()).add(r.callSeq()).add(r.created())));
    return new JsonObject().put("generation", s.generation()).put("lastSeq", s.lastSeq()).put("pending", pending)
        .put("receipts", receipts).put("served", tombstones(s.served()));
  }

  public static Snapshot snapshot(JsonObject o) {
    var pending = o.getJsonArray("pending").stream().map(p -> pending((JsonObject) p)).toList();
    var receipts = o.getJsonArray("receipts").stream()
        .map(r -> (JsonArray) r)
        // A receipt written before "created" existed: a press then created its call iff callSeq == seq.
        .map(r -> new Receipt(r.getString(0), r.getLong(1), r.getLong(2), r.size() > 3 ? r.getBoolean(3) : r.getLong(1).equals(r.getLong(2))))
        .toList();
    return new Snapshot(o.getString("generation"), o.getLong("lastSeq"), pending, receipts,
        tombstones(o.getJsonArray("served", new JsonArray())));
  }
}
