package org.paternoster.replica.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;
import org.paternoster.http.JsonHttp;
import org.paternoster.orders.Building;
import org.paternoster.orders.Call;
import org.paternoster.orders.CallJson;
import org.paternoster.orders.NoSuchButton;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderJson;
import org.paternoster.replica.Replica;
import org.paternoster.replica.client.NotPrimaryAnswer;
import org.paternoster.view.ViewJson;

/**
 * The order API. {@code POST /orders} and {@code POST /orders/served} answer {@code 200
 * committed} only once the operation is committed (invariant 1), {@code 503} when this replica is
 * not the primary, the commit is late (retry with the same id) or too many orders already wait for
 * theirs ({@code Retry-After}: admission control, nothing ordered), {@code 400} for malformed or
 * out-of-range input (nothing changes: validation happens before the core sees anything).
 */
final class OrderApi {
  private final ReplicaVerticle replica;
  private final Building building;

  OrderApi(ReplicaVerticle replica, Building building) {
    this.replica = replica;
    this.building = building;
  }

  void mount(Router router) {
    router.post("/orders").handler(ctx -> submit(ctx, false));
    router.post("/orders/served").handler(ctx -> submit(ctx, true));
    router.get("/orders").handler(this::list);
    router.get("/state").handler(ctx -> JsonHttp.ok(ctx, replica.stateJson()));
  }

  private void submit(RoutingContext ctx, boolean served) {
    JsonObject body = JsonHttp.body(ctx);
    String id = Fields.id(body, "id");
    Call call;
    try {
      call = building.check(CallJson.fromJson(body));
    } catch (NoSuchButton e) {
      throw new BadRequest(e.getMessage());
    }
    Op op = served ? new Op.Served(id, call, Fields.integer(body, "callSeq", 1, Long.MAX_VALUE)) : new Op.Press(id, call);
    replica.submit(op).onComplete(result -> {
      if (result.succeeded()) {
        JsonHttp.ok(ctx, result.result().toJson());
      } else if (result.cause() instanceof Overloaded o) {
        replica.metrics().refused(ReplicaMetrics.Refusal.OVERLOADED);
        ctx.response().putHeader("retry-after", Integer.toString(Overloaded.RETRY_AFTER_S));
        JsonHttp.reply(ctx, 503, new JsonObject().put("error", "overloaded: " + o.waiting()
            + " orders already wait for their commit; nothing was ordered, retry with the same id after " + Overloaded.RETRY_AFTER_S + " s"));
      } else if (result.cause() instanceof NotPrimary np) {
        replica.metrics().refused(ReplicaMetrics.Refusal.NOT_PRIMARY);
        JsonHttp.reply(ctx, 503, NotPrimaryAnswer.of(np.view()).toJson());
      } else {
        replica.metrics().refused(ReplicaMetrics.Refusal.NOT_COMMITTED);
        JsonHttp.reply(ctx, 503, new JsonObject().put("error", "not committed yet, retry with the same id: " + result.cause().getMessage()));
      }
    });
  }

  private void list(RoutingContext ctx) {
    Replica core = replica.core();
    JsonArray orders = new JsonArray();
    core.book().pending().forEach(p -> {
      JsonObject o = OrderJson.pending(p);
      if (p.call() instanceof org.paternoster.orders.HallCall h) {
        o.put("assignee", replica.elevators().assigneeOf(h)).put("arrivalInS", replica.elevators().arrivalInS(h));
      }
      orders.add(o);
    });
    JsonHttp.ok(ctx, new JsonObject()
        .put("viewnum", core.view().viewnum())
        .put("role", core.role().json())
        .put("view", ViewJson.toJson(core.view(), false))
        .put("orders", orders));
  }
}
