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
import org.paternoster.replica.elevators.Dispatch;
import org.paternoster.replica.elevators.Dispatcher;
import org.paternoster.replica.elevators.ElevatorReport;
import org.paternoster.replica.elevators.Fleet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's side of the elevators: hears reports, reassigns every committed hall call when
 * anything changes, and pushes each car its {@link Dispatch} (at least every
 * {@link #HEARTBEAT_MS}, so a node knows it is online). Only a leased primary whose view is acked
 * pushes (its book is then complete); every other replica redirects nodes to the primary.
 * Event-loop confined; an assigner that may block runs on a worker, one run at a time.
 */
final class ElevatorService {
  static final long HEARTBEAT_MS = 200;
  private static final Logger log = LoggerFactory.getLogger(ElevatorService.class);

  private final Vertx vertx;
  private final Replica core;
  private final LongSupplier clock;
  private final Fleet fleet;
  private final Dispatcher dispatcher;
  private final ElevatorLinks links;
  private Dispatch last;
  private Dispatcher.Problem lastProblem;
  private boolean scheduled;
  private long tickTimer = -1;
  private boolean assigning;
  private long lastPushAt;
  private long lastExpiryCheck;

  ElevatorService(Vertx vertx, Replica core, LongSupplier clock, ReplicaConfig config, Dispatcher dispatcher) {
    this.vertx = vertx;
    this.core = core;
    this.clock = clock;
    this.fleet = new Fleet(config.elevatorSilenceMs());
    this.dispatcher = dispatcher;
    this.links = new ElevatorLinks(config.building(), this::onReport, this::onClosed);
  }

  /** Starts the 50 ms tick (silent cars, dispatch retries) on the caller's context. */
  void start() {
    tickTimer = vertx.setPeriodic(50, t -> tick());
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
    boolean fresh = fleet.members().stream().noneMatch(m -> m.report().id().equals(report.id()) && m.connected());
    if (fleet.heard(report, clock.getAsLong())) schedule();
    if (fresh && last != null && ready()) links.push(ws, last.pushFor(report.id()));
  }

  private void onClosed(String id) {
    if (fleet.disconnected(id)) schedule();
  }

  private void tick() {
    long now = clock.getAsLong();
    if (fleet.expire(now, lastExpiryCheck)) schedule();
    lastExpiryCheck = now;
    if (last != null && ready() && now - lastPushAt >= HEARTBEAT_MS) push(last);
  }

  private void schedule() {
    if (scheduled) return;
    scheduled = true;
    vertx.runOnContext(v -> {
      scheduled = false;
      dispatch();
    });
  }

  /**
   * Pushes come only from a primary whose view is acked (its book is complete) and that holds a
   * lease (invariant 2): a primary cut off from the view service, paused or suspended stops
   * pushing before anyone else may be granted a lease, so it can never turn off lamps with a book
   * its successor has added to (invariant 5 at the edge).
   */
  private boolean ready() {
    return core.mayAct(clock.getAsLong());
  }

  private void dispatch() {
    if (!ready() || assigning) return;
    long now = clock.getAsLong();
    List<PendingCall> committed = committedCalls();
    Dispatcher.Problem problem = dispatcher.problem(committed, fleet, now);
    long viewnum = core.view().viewnum();
    if (last != null && last.viewnum() == viewnum && java.util.Objects.equals(last.generation(), core.book().generation())
        && problem.equals(lastProblem) && committed.equals(last.committed())) return;
    lastProblem = problem;
    long bookSeq = core.committedSeq(); // what `committed` reflects, whenever the assignment comes back
    if (!dispatcher.assigner().mayBlock()) {
      publish(new Dispatch(viewnum, core.id(), core.book().generation(), bookSeq, committed, dispatcher.assign(problem)));
      return;
    }
    assigning = true;
    vertx.executeBlocking(() -> dispatcher.assign(problem)).onComplete(ar -> {
      assigning = false;
      if (ar.failed()) log.warn("assigner failed: {}", ar.cause().getMessage());
      else if (core.view().viewnum() == viewnum) publish(new Dispatch(viewnum, core.id(), core.book().generation(), bookSeq, committed, ar.result()));
      schedule(); // anything that changed meanwhile
    });
  }

  private void publish(Dispatch dispatch) {
    if (last == null || !dispatch.assignment().equals(last.assignment())) {
      log.debug("assignment in view {}: {}", dispatch.viewnum(), dispatch.assignment());
    }
    last = dispatch;
    push(dispatch);
  }

  private void push(Dispatch dispatch) {
    lastPushAt = clock.getAsLong();
    links.push(dispatch);
  }

  private List<PendingCall> committedCalls() {
    long committed = core.committedSeq();
    return core.book().pending().stream().filter(p -> p.createdSeq() <= committed).toList();
  }

  /** The elevators as this replica knows them, for {@code GET /state}. */
  JsonArray stateJson() {
    long now = clock.getAsLong();
    Assignment assignment = last == null ? null : last.assignment();
    List<PendingCall> calls = core.role() == Role.PRIMARY ? committedCalls() : List.of();
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

  /** The car assigned to a hall call, for {@code GET /orders}. */
  String assigneeOf(HallCall call) {
    return last == null ? null : last.assignment().assigneeOf(call).orElse(null);
  }
}
