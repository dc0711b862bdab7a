package org.paternoster.replica.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.paternoster.http.BadRequest;
import org.paternoster.http.JsonHttp;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerJson;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer side of replication: {@code POST /replication/forward} and {@code /replication/transfer}
 * (at the backup), {@code /replication/handover} (at the primary). The core decides (fencing,
 * invariant 2; merging, invariant 7); this only decodes.
 */
final class ReplicationApi {
  private static final Logger log = LoggerFactory.getLogger(ReplicationApi.class);
  private final ReplicaVerticle replica;

  ReplicationApi(ReplicaVerticle replica) {
    this.replica = replica;
  }

  void mount(Router router) {
    router.post(PeerLink.FORWARD_PATH).handler(ctx -> handle(ctx, true));
    router.post(PeerLink.TRANSFER_PATH).handler(ctx -> handle(ctx, false));
    router.post(PeerLink.HANDOVER_PATH).handler(this::handover);
  }

  private void handover(RoutingContext ctx) {
    Handover handover;
    try {
      handover = PeerJson.handover(JsonHttp.body(ctx));
    } catch (RuntimeException e) {
      if (e instanceof BadRequest) throw e;
      throw new BadRequest("malformed handover: " + e.getMessage());
    }
    replica.host().onHandover(handover, reply -> JsonHttp.ok(ctx, PeerJson.handoverReply(reply)));
  }

  private void handle(RoutingContext ctx, boolean forward) {
    long received = replica.host().now();
    var body = JsonHttp.body(ctx);
    try {
      PeerReply reply;
      if (forward) {
        reply = replica.host().onForward(PeerJson.forward(body));
      } else {
        Transfer transfer = PeerJson.transfer(body);
        long decoded = replica.host().now();
        reply = replica.host().onTransfer(transfer);
        // View 0 is nobody's: the start-up warm-up (ServerWarmup), refused by design; not worth an info line.
        if (transfer.view().viewnum() > 0 || log.isDebugEnabled()) {
          log.info("transfer for view {} ({} receipts, {} bytes): {} after decoding {} ms, installing {} ms", transfer.view().viewnum(),
              transfer.snapshot().receipts().size(), ctx.body().length(), reply.status(), decoded - received, replica.host().now() - decoded);
        }
      }
      JsonHttp.ok(ctx, PeerJson.reply(reply));
    } catch (RuntimeException e) {
      if (e instanceof BadRequest) throw e;
      throw new BadRequest("malformed replication message: " + e.getMessage());
    }
  }
}
