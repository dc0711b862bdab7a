package org.paternoster.replica;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.paternoster.orders.OrderJson;
import org.paternoster.orders.PendingCall;
import org.paternoster.view.ViewJson;

/** JSON shapes of the replication messages between replicas (forward, transfer, handover, replies). */
public final class PeerJson {
  private PeerJson() {}

  public static JsonObject forward(Forward f) {
    JsonArray ops = new JsonArray();
    f.ops().forEach(s -> ops.add(OrderJson.sequenced(s)));
    return new JsonObject().put("view", ViewJson.toJson(f.view(), false)).put("attempt", f.attempt()).put("ops", ops);
  }

  public static Forward forward(JsonObject o) {
    var ops = o.getJsonArray("ops").stream().map(s -> OrderJson.sequenced((JsonObject) s)).toList();
    return new Forward(ViewJson.fromJson(o.getJsonObject("view")), o.getLong("attempt"), ops);
  }

  public static JsonObject transfer(Transfer t) {
    return new JsonObject()
        .put("view", ViewJson.toJson(t.view(), false))
        .put("attempt", t.attempt())
        .put("snapshot", OrderJson.snapshot(t.snapshot()));
  }

  public static Transfer transfer(JsonObject o) {
    return new Transfer(ViewJson.fromJson(o.getJsonObject("view")), o.getLong("attempt"), OrderJson.snapshot(o.getJsonObject("snapshot")));
  }

  public static JsonObject reply(PeerReply r) {
    return new JsonObject()
        .put("status", r.status().name())
        .put("attempt", r.attempt())
        .put("applied", r.applied())
        .put("view", ViewJson.toJson(r.view(), false))
        .put("uncovered", pending(r.uncovered()))
        .put("served", OrderJson.tombstones(r.served()));
  }

  public static PeerReply reply(JsonObject o) {
    return new PeerReply(PeerReply.Status.valueOf(o.getString("status")), o.getLong("attempt"), o.getLong("applied"),
        ViewJson.fromJson(o.getJsonObject("view")), pending(o.getJsonArray("uncovered", new JsonArray())),
        OrderJson.tombstones(o.getJsonArray("served", new JsonArray())));
  }

  public static JsonObject handover(Handover h) {
    return new JsonObject()
        .put("view", ViewJson.toJson(h.view(), false))
        .put("server", h.server())
        .put("generation", h.generation())
        .put("pending", pending(h.pending()))
        .put("served", OrderJson.tombstones(h.served()));
  }

  public static Handover handover(JsonObject o) {
    return new Handover(ViewJson.fromJson(o.getJsonObject("view")), o.getString("server"), o.getString("generation"),
        pending(o.getJsonArray("pending")), OrderJson.tombstones(o.getJsonArray("served", new JsonArray())));
  }

  public static JsonObject handoverReply(Handover.Reply r) {
    return new JsonObject().put("merged", r.merged()).put("view", ViewJson.toJson(r.view(), false));
  }

  public static Handover.Reply handoverReply(JsonObject o) {
    return new Handover.Reply(o.getBoolean("merged"), ViewJson.fromJson(o.getJsonObject("view")));
  }

  private static JsonArray pending(List<PendingCall> calls) {
    JsonArray out = new JsonArray();
    calls.forEach(p -> out.add(OrderJson.pending(p)));
    return out;
  }

  private static List<PendingCall> pending(JsonArray calls) {
    return calls.stream().map(p -> OrderJson.pending((JsonObject) p)).toList();
  }
}
