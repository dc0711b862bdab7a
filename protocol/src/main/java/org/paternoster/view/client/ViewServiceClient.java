package org.paternoster.view.client;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.paternoster.security.ClusterAuth;
import java.util.function.Supplier;
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.view.PingAnswer;
import org.paternoster.view.ViewJson;
import org.paternoster.view.ViewState;

/**
 * The view service's HTTP API as futures. Each call looks the base URL up again (the view service
 * may move); it fails when the URL is unknown, on a non-200 answer (with the service's error
 * message), or after {@code timeoutMs}. Callbacks run on the calling Vert.x context.
 */
public final class ViewServiceClient {
  private final WebClient client;
  private final Supplier<String> baseUrl;
  private final long timeoutMs;
  private final ClusterAuth auth;

  /**
   * @param baseUrl e.g. a {@link org.paternoster.discovery.ViewServiceLocator}; null while unknown
   * @param auth signs every request; an answer not signed by a member counts as no answer
   */
  public ViewServiceClient(WebClient client, Supplier<String> baseUrl, long timeoutMs, ClusterAuth auth) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.timeoutMs = timeoutMs;
    this.auth = auth;
  }

  /** A client of a cluster without a secret. */
  public ViewServiceClient(WebClient client, Supplier<String> baseUrl, long timeoutMs) {
    this(client, baseUrl, timeoutMs, ClusterAuth.open());
  }

  public ViewServiceClient(WebClient client, String baseUrl) {
    this(client, () -> baseUrl, 5_000);
  }

  /**
   * {@code POST /ping}: process {@code incarnation} of {@code server} reports {@code viewnum} (0
   * after a restart); answers the current view and the lease granted (0 for none).
   */
  public Future<PingAnswer> ping(String server, long viewnum, String address, String incarnation) {
    return ping(server, viewnum, viewnum, address, incarnation);
  }

  /** As above, also reporting {@code latest}, the highest view number the server has seen. */
  public Future<PingAnswer> ping(String server, long viewnum, long latest, String address, String incarnation) {
    return ping(server, viewnum, latest, address, incarnation, null);
  }

  /**
   * As above, also reporting {@code recoveredFrom}: the incarnation whose durable book the server
   * recovered and has not changed since (null: none).
   */
  public Future<PingAnswer> ping(String server, long viewnum, long latest, String address, String incarnation, String recoveredFrom) {
    JsonObject body = new JsonObject().put("server", server).put("viewnum", viewnum).put("latest", latest);
    if (address != null) body.put("address", address);
    if (incarnation != null) body.put("incarnation", incarnation);
    if (recoveredFrom != null) body.put("recoveredFrom", recoveredFrom);
    return send(HttpMethod.POST, "/ping", body.toBuffer())
        .map(b -> ViewJson.answerFromJson(b.toJsonObject()));
  }

  /** A ping without an incarnation (restarts are then seen by viewnum 0 only); the view alone. */
  public Future<ViewState> ping(String server, long viewnum, String address) {
    return ping(server, viewnum, viewnum, address, null).map(PingAnswer::state);
  }

  /** {@code GET /view}: the current view; not a ping. */
  public Future<ViewState> view() {
    return get("/view").map(b -> ViewJson.stateFromJson(b.toJsonObject()));
  }

  /**
   * {@code GET /view?after=N&waitMs=M}: the first view numbered above {@code viewnum}, answered as
   * soon as the view service has one, or the current view after {@code waitMs} (at most 2,000).
   * A view service that does not know the parameters answers at once, as {@link #view()} does.
   */
  public Future<ViewState> viewAfter(long viewnum, long waitMs) {
    return send(HttpMethod.GET, "/view?after=" + viewnum + "&waitMs=" + waitMs, null, true, timeoutMs + waitMs)
        .map(b -> ViewJson.stateFromJson(b.toJsonObject()));
  }

  /** {@code GET /views}: the history, oldest first. */
  public Future<JsonArray> views() {
    return get("/views").map(Buffer::toJsonArray);
  }

  /** {@code GET /servers}: every server that pinged, with role and liveness. */
  public Future<JsonArray> servers() {
    return get("/servers").map(Buffer::toJsonArray);
  }

  private Future<Buffer> get(String path) {
    return send(HttpMethod.GET, path, null);
  }

  /**
   * One request to the member {@link #baseUrl} names now. With a {@link ViewServiceLocator}, a
   * failure moves it on to the next member, and a member that does not lead (421) is asked once
   * more at the leader it names.
   */
  private Future<Buffer> send(HttpMethod method, String path, Buffer body) {
    return send(method, path, body, true, timeoutMs);
  }

  private Future<Buffer> send(HttpMethod method, String path, Buffer body, boolean followLeader, long timeout) {
    String base = baseUrl.get();
    if (base == null) return Future.failedFuture("view service location unknown");
    ViewServiceLocator members = baseUrl instanceof ViewServiceLocator l ? l : null;
    HttpRequest<Buffer> request = client.requestAbs(method, base + path).timeout(timeout);
    return auth.send(request, body).transform(ar -> {
      if (ar.failed()) {
        if (members != null) members.failed(base);
        return Future.failedFuture(ar.cause());
      }
      HttpResponse<Buffer> response = ar.result();
      if (response.statusCode() == 200) return Future.succeededFuture(response.body());
      if (members != null && response.statusCode() == 421) {
        members.redirected(base, leaderOf(response));
        if (followLeader && !base.equals(baseUrl.get())) return send(method, path, body, false, timeout);
      } else if (members != null && response.statusCode() == 503) {
        members.failed(base);
      }
      return Future.failedFuture("view service " + base + " answered " + response.statusCode() + ": " + response.bodyAsString());
    });
  }

  private static String leaderOf(HttpResponse<Buffer> response) {
    try {
      return response.bodyAsJsonObject().getString("leader");
    } catch (RuntimeException e) {
      return null;
    }
  }
}
