package org.paternoster.replica.http;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.paternoster.faults.MessageFaults;
import org.paternoster.orders.Building;
import org.paternoster.replica.client.NotPrimaryAnswer;
import org.paternoster.replica.elevators.Dispatch;
import org.paternoster.replica.elevators.Push;
import org.paternoster.replica.elevators.ElevatorReport;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.LinkSeal;
import org.paternoster.security.MessageAuthenticator;
import org.paternoster.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket links of elevator nodes to this replica ({@code /elevators/link}). Nodes send
 * {@link ElevatorReport}s; this side pushes each its {@link Push} (from a {@link Dispatch}). A malformed frame
 * is logged and dropped, never fatal. Event-loop confined.
 */
final class ElevatorLinks {
  static final String PATH = "/elevators/link";
  private static final Logger log = LoggerFactory.getLogger(ElevatorLinks.class);

  private final Building building;
  private final ClusterAuth auth;
  private final BiConsumer<ElevatorReport, ServerWebSocket> onReport;
  private final Consumer<String> onClosed;
  private final Map<String, ServerWebSocket> byElevator = new HashMap<>();
  /** Each open link's frame seal (its upgrade was signed; with a cluster secret every frame is sealed). */
  private final Map<ServerWebSocket, LinkSeal> seals = new HashMap<>();
  private long pushSeq; // grows for the life of this process, across views

  ElevatorLinks(Building building, ClusterAuth auth, BiConsumer<ElevatorReport, ServerWebSocket> onReport, Consumer<String> onClosed) {
    this.building = building;
    this.auth = auth;
    this.onReport = onReport;
    this.onClosed = onClosed;
  }

  void accept(ServerWebSocket ws) {
    if (!PATH.equals(ws.path())) {
      ws.close((short) 1008, "no such path");
      return;
    }
    LinkSeal seal = auth.serverSeal(ws.headers().get(MessageAuthenticator.HEADER));
    seals.put(ws, seal);
    var deliver = MessageFaults.<String>frames(text -> {
      if (ws.isClosed()) return; // a frame held up past its link's end says nothing about the new link
      ElevatorReport report;
      try {
        report = ElevatorReport.fromJson(new JsonObject(text), building);
      } catch (RuntimeException e) {
        log.warn("dropped a malformed frame from {}: {}", ws.remoteAddress(), e.getMessage());
        return;
      }
      ServerWebSocket previous = byElevator.put(report.id(), ws);
      if (previous != null && previous != ws) previous.close();
      onReport.accept(report, ws);
    });
    // Opened before the fault hooks: a frame they hold or repeat has passed its seal once, as it arrived.
    ws.textMessageHandler(frame -> seal.open(frame).ifPresentOrElse(deliver::handle, () -> {
      log.warn("closing the link from {}: a frame that is not the next sealed one", ws.remoteAddress());
      ws.close((short) 1008, "bad frame seal");
    }));
    ws.closeHandler(v -> {
      seals.remove(ws);
      byElevator.entrySet().removeIf(e -> {
        boolean mine = e.getValue() == ws;
        if (mine) onClosed.accept(e.getKey());
        return mine;
      });
    });
    ws.exceptionHandler(e -> log.debug("elevator link error: {}", e.getMessage()));
  }

  void push(Dispatch dispatch) {
    byElevator.forEach((id, ws) -> push(ws, dispatch.pushFor(id)));
  }

  /** Pushes {@code dispatch} to {@code elevator}, if it is linked. */
  void push(String elevator, Dispatch dispatch) {
    ServerWebSocket ws = byElevator.get(elevator);
    if (ws != null) push(ws, dispatch.pushFor(elevator));
  }

  /**
   * Sends one push, numbered with the next {@code pushSeq} of this process, so a node can tell a
   * late push from a newer one of the same view (invariant 6).
   */
  void push(ServerWebSocket ws, Push push) {
    send(ws, push.withPushSeq(++pushSeq).toJson());
  }

  private void send(ServerWebSocket ws, JsonObject message) {
    LinkSeal seal = seals.get(ws);
    if (seal == null || ws.isClosed() || ws.writeQueueFull()) return;
    ws.writeTextMessage(seal.seal(message.encode()));
  }

  /**
   * Tells the node on {@code ws} to go to the primary of {@code view} and closes its link:
   * a {@link NotPrimaryAnswer}.
   */
  void redirect(ServerWebSocket ws, View view) {
    send(ws, NotPrimaryAnswer.of(view).toJson());
    ws.close();
  }

  /** Tells every node to go to the primary of {@code view} and closes the links. */
  void redirectAll(View view) {
    byElevator.values().forEach(ws -> redirect(ws, view));
    byElevator.clear();
  }

  int size() {
    return byElevator.size();
  }
}
