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
  private final BiConsumer<ElevatorReport, ServerWebSocket> onReport;
  private final Consumer<String> onClosed;
  private final Map<String, ServerWebSocket> byElevator = new HashMap<>();
  private long pushSeq; // grows for the life of this process, across views

  ElevatorLinks(Building building, BiConsumer<ElevatorReport, ServerWebSocket> onReport, Consumer<String> onClosed) {
    this.building = building;
    this.onReport = onReport;
    this.onClosed = onClosed;
  }

  void accept(ServerWebSocket ws) {
    if (!PATH.equals(ws.path())) {
      ws.close((short) 1008, "no such path");
      return;
    }
    ws.textMessageHandler(MessageFaults.frames(text -> {
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
    }));
    ws.closeHandler(v -> byElevator.entrySet().removeIf(e -> {
      boolean mine = e.getValue() == ws;
      if (mine) onClosed.accept(e.getKey());
      return mine;
    }));
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

  private static void send(ServerWebSocket ws, JsonObject message) {
    if (ws.isClosed() || ws.writeQueueFull()) return;
    ws.writeTextMessage(message.encode());
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
