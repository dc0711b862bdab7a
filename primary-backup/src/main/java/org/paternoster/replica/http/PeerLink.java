package org.paternoster.replica.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.HttpResponse;
import org.paternoster.replica.Effect;
import org.paternoster.replica.PeerJson;
import org.paternoster.replica.PeerReply;

/**
 * Sends the primary's forwards and transfers to the backup over HTTP (keep-alive). A reply is
 * the backup's {@link PeerReply}; anything else (timeout, refused connection, non-200) is a
 * failure of that attempt, which the core retries.
 */
final class PeerLink {
  static final String FORWARD_PATH = "/replication/forward";
  static final String TRANSFER_PATH = "/replication/transfer";

  private final WebClient client;
  private final long timeoutMs;

  PeerLink(WebClient client, long timeoutMs) {
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  Future<PeerReply> send(Effect.SendForward f) {
    return post(f.toAddress() + FORWARD_PATH, PeerJson.forward(f.forward()));
  }

  Future<PeerReply> send(Effect.SendTransfer t) {
    return post(t.toAddress() + TRANSFER_PATH, PeerJson.transfer(t.transfer()));
  }

  private Future<PeerReply> post(String url, JsonObject body) {
    return client.postAbs(url)
        .timeout(timeoutMs)
        .sendBuffer(body.toBuffer())
        .map(PeerLink::parse);
  }

  private static PeerReply parse(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) throw new IllegalStateException("peer answered " + response.statusCode());
    return PeerJson.reply(response.bodyAsJsonObject());
  }
}
