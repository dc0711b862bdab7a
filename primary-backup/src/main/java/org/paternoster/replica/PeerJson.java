package org.paternoster.replica;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.paternoster.orders.OrderJson;
import org.paternoster.view.ViewJson;

/** JSON shapes of the replication messages between primary and backup. */
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
        .put("view", ViewJson.toJson(r.view(), false));
  }

  public static PeerReply reply(JsonObject o) {
    return new PeerReply(PeerReply.Status.valueOf(o.getString("status")), o.getLong("attempt"), o.getLong("applied"), ViewJson.fromJson(o.getJsonObject("view")));
  }
}
