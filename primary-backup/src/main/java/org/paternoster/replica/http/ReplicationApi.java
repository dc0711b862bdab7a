package org.paternoster.replica.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.paternoster.http.BadRequest;
import org.paternoster.http.JsonHttp;
import org.paternoster.replica.PeerJson;

/**
 * The backup's side of replication: {@code POST /replication/forward} and
 * {@code /replication/transfer}. The core decides (fencing, invariant 2); this only decodes.
 */
final class ReplicationApi {
  private final ReplicaVerticle replica;

  ReplicationApi(ReplicaVerticle replica) {
    this.replica = replica;
  }

  void mount(Router router) {
    router.post(PeerLink.FORWARD_PATH).handler(ctx -> handle(ctx, true));
    router.post(PeerLink.TRANSFER_PATH).handler(ctx -> handle(ctx, false));
  }

  private void handle(RoutingContext ctx, boolean forward) {
    var body = JsonHttp.body(ctx);
    try {
      var reply = forward ? replica.onForward(PeerJson.forward(body)) : replica.onTransfer(PeerJson.transfer(body));
      JsonHttp.ok(ctx, PeerJson.reply(reply));
    } catch (RuntimeException e) {
      if (e instanceof BadRequest) throw e;
      throw new BadRequest("malformed replication message: " + e.getMessage());
    }
  }
}
