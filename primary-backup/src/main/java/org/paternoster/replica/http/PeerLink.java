package org.paternoster.replica.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.HttpResponse;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerJson;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.Transfer;
import org.paternoster.security.ClusterAuth;

/**
 * Sends replication messages over HTTP (keep-alive): the primary's forwards and transfers to the
 * backup, an idle replica's handover to the primary. A reply is the peer's answer; anything else
 * (timeout, refused connection, non-200) is a failure of that attempt, which the core retries.
 */
final class PeerLink {
  static final String FORWARD_PATH = "/replication/forward";
  static final String TRANSFER_PATH = "/replication/transfer";
  static final String HANDOVER_PATH = "/replication/handover";

  /**
   * The least time a state transfer waits for its answer. A transfer carries the whole book (up to
   * thousands of receipts) and a timed-out one is resent whole, so a short timeout on a busy or
   * cold backup makes every attempt time out in turn, on the failover path (measured: three
   * attempts of 250 ms before one got through). A dead backup is replaced by the view service
   * long before this matters.
   */
  static final long TRANSFER_TIMEOUT_MS = 2_000;

  private final WebClient client;
  private final long timeoutMs;
  private final ClusterAuth auth;

  /** {@code auth} signs every message; an answer not signed by the peer counts as no answer. */
  PeerLink(WebClient client, long timeoutMs, ClusterAuth auth) {
    this.client = client;
    this.timeoutMs = timeoutMs;
    this.auth = auth;
  }

  Future<PeerReply> forward(String to, Forward f) {
    return post(to + FORWARD_PATH, PeerJson.forward(f), timeoutMs).map(PeerJson::reply);
  }

  Future<PeerReply> transfer(String to, Transfer t) {
    return post(to + TRANSFER_PATH, PeerJson.transfer(t), Math.max(timeoutMs, TRANSFER_TIMEOUT_MS)).map(PeerJson::reply);
  }

  Future<Handover.Reply> handover(String to, Handover h) {
    return post(to + HANDOVER_PATH, PeerJson.handover(h), timeoutMs).map(PeerJson::handoverReply);
  }

  private Future<JsonObject> post(String url, JsonObject body, long timeoutMs) {
    return auth.send(client.postAbs(url).timeout(timeoutMs), body.toBuffer()).map(PeerLink::parse);
  }

  private static JsonObject parse(HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) throw new IllegalStateException("peer answered " + response.statusCode());
    return response.bodyAsJsonObject();
  }
}
