package org.paternoster.replica.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.LongSupplier;
import org.paternoster.assign.Assignment;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.PendingCall;
import org.paternoster.replica.Replica;
import org.paternoster.replica.Role;
import org.paternoster.replica.elevators.DispatchCore;
import org.paternoster.replica.elevators.Dispatcher;
import org.paternoster.replica.elevators.ElevatorReport;
import org.paternoster.replica.elevators.Fleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x shell of {@link DispatchCore}: the cars' WebSocket links, the 50 ms tick, one
 * dispatch per event-loop turn however many inputs came, and an assigner that may block run on a
 * worker, one run at a time. Non-primaries redirect every node to the primary. Event-loop confined.
 */
final class ElevatorService {
  private static final Logger log = LoggerFactory.getLogger(ElevatorService.class);

  private final Vertx vertx;
  private final Replica core;
  private final LongSupplier clock;
  private final Dispatcher dispatcher;
  private final DispatchCore dispatch;
  private final ElevatorLinks links;
  private boolean scheduled;
  private long tickTimer = -1;

  ElevatorService(Vertx vertx, Replica core, LongSupplier clock, ReplicaConfig config, Dispatcher dispatcher) {
    this.vertx = vertx;
    this.core = core;
    this.clock = clock;
    this.dispatcher = dispatcher;
    this.dispatch = new DispatchCore(core, dispatcher, config.elevatorSilenceMs());
    this.links = new ElevatorLinks(config.building(), config.auth(), this::onReport, this::onClosed);
  }

  /** Starts the 50 ms tick (silent cars, the heartbeat push) on the caller's context. */
  void start() {
    tickTimer = vertx.setPeriodic(50, t -> {
      if (dispatch.tick(clock.getAsLong())) schedule();
      run();
    });
  }

  /** Stops the tick. */
  void stop() {
    vertx.cancelTimer(tickTimer);
  }

  void accept(ServerWebSocket ws) {
    links.accept(ws);
  }

  /** The order book or the view changed. */
  void changed() {
    if (core.role() != Role.PRIMARY && links.size() > 0) {
      links.redirectAll(core.view());
    }
    schedule();
  }

  private void onReport(ElevatorReport report, ServerWebSocket ws) {
    if (core.role() != Role.PRIMARY) {
      links.redirect(ws, core.view());
      return;
    }
    if (dispatch.reported(report, clock.getAsLong())) schedule();
    run();
  }

  private void onClosed(String id) {
    if (dispatch.closed(id)) schedule();
  }

  /** At most one dispatch per event-loop turn, however many inputs asked for one. */
  private void schedule() {
    if (scheduled) return;
    scheduled = true;
    vertx.runOnContext(v -> {
      scheduled = false;
      dispatch.dispatch(clock.getAsLong());
      run();
    });
  }

  /** Executes the core's effects in order. */
  private void run() {
    for (DispatchCore.Effect effect : dispatch.drain()) {
      if (effect instanceof DispatchCore.Effect.PushAll p) {
        if (p.assignmentChanged()) log.debug("assignment in view {}: {}", p.dispatch().viewnum(), p.dispatch().assignment());
        links.push(p.dispatch());
      } else if (effect instanceof DispatchCore.Effect.PushTo p) {
        links.push(p.elevator(), p.dispatch());
      } else if (effect instanceof DispatchCore.Effect.RunAssigner r) {
        vertx.executeBlocking(() -> dispatcher.assign(r.problem())).onComplete(ar -> {
          if (ar.failed()) log.warn("assigner failed: {}", ar.cause().getMessage());
          dispatch.assigned(r, ar.succeeded() ? ar.result() : null, clock.getAsLong());
          run();
          schedule(); // anything that changed meanwhile
        });
      }
    }
  }

  /** The elevators as this replica knows them, for {@code GET /state}. */
  JsonArray stateJson() {
    long now = clock.getAsLong();
    Fleet fleet = dispatch.fleet();
    Assignment assignment = dispatch.last() == null ? null : dispatch.last().assignment();
    List<PendingCall> calls = core.role() == Role.PRIMARY ? dispatch.committedCalls() : List.of();
    JsonArray out = new JsonArray();
    for (Fleet.Member m : fleet.members()) {
      ElevatorReport r = m.report();
      JsonArray cab = new JsonArray();
      calls.stream().filter(p -> p.call() instanceof CabCall c && c.elevator().equals(r.id())).forEach(p -> cab.add(p.call().floor()));
      JsonArray assigned = new JsonArray();
      if (assignment != null) {
        for (HallCall h : assignment.callsFor(r.id())) assigned.add(new JsonObject().put("floor", h.floor()).put("direction", h.direction().json()));
      }
      boolean online = m.connected() && now - m.lastHeardAt() < fleet.silenceMs();
      JsonObject car = r.toJson();
      car.remove("type");
      out.add(car
          .put("online", online)
          .put("available", m.availableAt(now, fleet.silenceMs()))
          .put("unavailableReason", online ? r.unavailableReason() : "offline")
          .put("lastReportAgeMs", now - m.lastHeardAt())
          .put("cabCalls", cab)
          .put("assignedHallCalls", assigned));
    }
    return out;
  }

  /** Seconds until a hall call's car is expected there (0.1 s steps), for {@code GET /orders}; null when unknown. */
  Double arrivalInS(HallCall call) {
    return dispatch.arrivalIn(call, clock.getAsLong()).map(ms -> Math.round(ms / 100.0) / 10.0).orElse(null);
  }

  /** The car assigned to a hall call, for {@code GET /orders}. */
  String assigneeOf(HallCall call) {
    return dispatch.last() == null ? null : dispatch.last().assignment().assigneeOf(call).orElse(null);
  }
}
