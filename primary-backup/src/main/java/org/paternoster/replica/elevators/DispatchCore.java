package org.paternoster.replica.elevators;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.paternoster.assign.ArrivalEstimates;
import org.paternoster.assign.Assignment;
import org.paternoster.assign.ElevatorState;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.PendingCall;
import org.paternoster.replica.Replica;

/**
 * The primary's side of the elevators, sans I/O: reports, closed links, the book's changes and
 * ticks go in (with {@code now}), {@link Effect}s come out through {@link #drain()}. It reassigns
 * every committed hall call when anything changes and pushes each car its {@link Dispatch}, at
 * least every {@link #HEARTBEAT_MS} (so a node knows it is online). One thread calls it.
 *
 * <p>Invariant 2 at the edge: it pushes only while the replica may act (a leased primary whose
 * backup holds the complete book, {@link Replica#mayAct}); a primary cut off from the view
 * service, paused or suspended stops pushing before anyone else may be granted a lease, so it can
 * never turn off lamps with a book its successor has added to (invariant 5).
 */
public final class DispatchCore {
  /** The longest time between two pushes to a linked car. */
  public static final long HEARTBEAT_MS = 200;

  /** What the shell does. */
  public sealed interface Effect {
    /**
     * Push {@code dispatch} to every linked car; {@code assignmentChanged} when its assignment
     * differs from the one pushed before (false for a heartbeat), for the shell's log.
     */
    record PushAll(Dispatch dispatch, boolean assignmentChanged) implements Effect {}

    /** Push {@code dispatch} to one car that just linked. */
    record PushTo(String elevator, Dispatch dispatch) implements Effect {}

    /**
     * Run the assigner on {@code problem} (it may block: off the event loop, one run at a time),
     * then call {@link #assigned} with this effect and its result.
     */
    record RunAssigner(Dispatcher.Problem problem, long viewnum, String generation, long bookSeq, List<PendingCall> committed)
        implements Effect {}
  }

  private final Replica core;
  private final Dispatcher dispatcher;
  private final Fleet fleet;
  private final List<Effect> effects = new ArrayList<>();
  private Dispatch last;
  private ArrivalEstimates arrivals = ArrivalEstimates.NONE; // null: not yet estimated for the last dispatch
  private List<ElevatorState> arrivalsFor = List.of();     // the cars as that dispatch saw them
  private long arrivalsAt;
  private Dispatcher.Problem lastProblem;
  private boolean assigning;
  private long lastPushAt;
  private long lastAssignedAt;
  private long lastExpiryCheck;

  public DispatchCore(Replica core, Dispatcher dispatcher, long silenceMs) {
    this.core = core;
    this.dispatcher = dispatcher;
    this.fleet = new Fleet(silenceMs);
  }

  public Fleet fleet() {
    return fleet;
  }

  /** The latest dispatch published, or null. */
  public Dispatch last() {
    return last;
  }

  /**
   * A car's report. A car that just linked gets the latest dispatch at once. Returns whether the
   * fleet changed (then {@link #dispatch} should run soon).
   */
  public boolean reported(ElevatorReport report, long now) {
    boolean fresh = fleet.members().stream().noneMatch(m -> m.report().id().equals(report.id()) && m.connected());
    boolean changed = fleet.heard(report, now);
    if (fresh && last != null && core.mayAct(now)) effects.add(new Effect.PushTo(report.id(), last));
    return changed;
  }

  /** A car's link closed; returns whether the fleet changed. */
  public boolean closed(String elevator) {
    return fleet.disconnected(elevator);
  }

  /**
   * Timer: silent cars expire; the heartbeat push. Returns whether {@link #dispatch} should run:
   * the fleet changed, or an assigner whose answer depends on time is due to be asked again.
   */
  public boolean tick(long now) {
    boolean changed = fleet.expire(now, lastExpiryCheck);
    lastExpiryCheck = now;
    if (last != null && core.mayAct(now) && now - lastPushAt >= HEARTBEAT_MS) push(last, false, now);
    return changed || reaskDue(now);
  }

  /**
   * Reassigns if the committed calls, the fleet, the view or the lineage changed since the last
   * dispatch: publishes at once with an assigner that never blocks, else asks the shell to run it.
   */
  public void dispatch(long now) {
    if (!core.mayAct(now) || assigning) return;
    // No car has ever reported (a fleet keeps the cars it has seen): there is no one to tell, so
    // skip the work (it reads every pending call, once per turn with a change). The first car's
    // report changes the fleet, and the dispatch that follows covers every call.
    if (fleet.members().isEmpty()) return;
    List<PendingCall> committed = committedCalls();
    Dispatcher.Problem problem = dispatcher.problem(committed, fleet, now);
    long viewnum = core.view().viewnum();
    String generation = core.book().generation();
    if (last != null && last.viewnum() == viewnum && Objects.equals(last.generation(), generation)
        && problem.equals(lastProblem) && committed.equals(last.committed()) && !reaskDue(now)) return;
    lastProblem = problem;
    long bookSeq = core.committedSeq(); // what `committed` reflects, whenever the assignment comes back
    if (!dispatcher.assigner().mayBlock()) {
      publish(new Dispatch(viewnum, core.id(), generation, bookSeq, committed, dispatcher.assign(problem)), problem, now);
      return;
    }
    assigning = true;
    effects.add(new Effect.RunAssigner(problem, viewnum, generation, bookSeq, committed));
  }

  /**
   * The assigner's answer to {@code run} ({@code result} null: it failed). Published if the view
   * has not changed meanwhile; the shell should then dispatch again (anything that changed meanwhile).
   */
  public void assigned(Effect.RunAssigner run, Assignment result, long now) {
    assigning = false;
    if (result != null && core.view().viewnum() == run.viewnum()) {
      publish(new Dispatch(run.viewnum(), core.id(), run.generation(), run.bookSeq(), run.committed(), result), run.problem(), now);
    }
  }

  /** Effects produced since the last drain, in order. */
  public List<Effect> drain() {
    List<Effect> out = List.copyOf(effects);
    effects.clear();
    return out;
  }

  /** The pending calls whose creation is committed (a service shows at once, a creation once committed). */
  public List<PendingCall> committedCalls() {
    long committed = core.committedSeq();
    return core.book().pending().stream().filter(p -> p.createdSeq() <= committed).toList();
  }

  /**
   * Milliseconds from {@code now} until {@code call}'s car is expected at its floor, as estimated
   * at the last assignment ({@link ArrivalEstimates}; 0 once that time has passed); empty when unknown.
   */
  public java.util.Optional<Long> arrivalIn(HallCall call, long now) {
    if (arrivals == null) arrivals = ArrivalEstimates.of(dispatcher.building(), last.assignment(), arrivalsFor);
    return arrivals.of(call).map(ms -> Math.max(0, arrivalsAt + ms - now));
  }

  /** An assigner whose answer depends on time ({@link org.paternoster.assign.Assigner#reaskAfterMs}) answered that long ago. */
  private boolean reaskDue(long now) {
    long after = dispatcher.assigner().reaskAfterMs();
    return after > 0 && last != null && now - lastAssignedAt >= after;
  }

  private void publish(Dispatch dispatch, Dispatcher.Problem problem, long now) {
    lastAssignedAt = now;
    boolean assignmentChanged = last == null || !last.assignment().equals(dispatch.assignment());
    last = dispatch;
    arrivals = null; // estimated when first asked for (GET /orders), not on every dispatch
    arrivalsFor = problem.elevators();
    arrivalsAt = now;
    push(dispatch, assignmentChanged, now);
  }

  private void push(Dispatch dispatch, boolean assignmentChanged, long now) {
    lastPushAt = now;
    effects.add(new Effect.PushAll(dispatch, assignmentChanged));
  }
}
