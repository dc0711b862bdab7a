package org.paternoster.elevator.fsm;

import static org.paternoster.assign.MotorDirection.DOWN;
import static org.paternoster.assign.MotorDirection.STOP;
import static org.paternoster.assign.MotorDirection.UP;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.assign.Standby;

/**
 * The state machine of one car, sans I/O: each event method takes {@code now} (milliseconds of any
 * monotonic clock), updates the state and returns the {@link Action}s to execute in order.
 *
 * <p>Rules (see {@code elevator-protocol.md}):
 * <ul>
 *   <li>Start-up: until a floor sensor fires the floor is unknown; a car first seen between floors
 *       drives down until one does.</li>
 *   <li>The door lamp is never on while the motor runs: the motor stops before the door opens and
 *       the door closes before the motor starts.</li>
 *   <li>The car stops only for a call at the floor or because nothing lies further on; the door
 *       opens only if that serves a call. It announces one direction and clears the cab call and
 *       the hall call of that direction; the other hall call is cleared only by turning, after the
 *       door has stayed open another full door time ({@link DirectionChooser}).</li>
 *   <li>The door stays open {@link FsmConfig#doorOpenMs()}; a new call here that it serves
 *       restarts that time. It never closes while obstructed, and closes no sooner than a full
 *       door time after the obstruction clears.</li>
 *   <li>A car that drifts off the floor with its door open (its stop landed after it left the
 *       floor sensor) shuts the door, drives back and opens it there again for a full door time,
 *       announcing the same direction: the calls it served at that stop are served in earnest.</li>
 *   <li>Stop button: the motor stops, the door opens if at a floor, the stop lamp lights and the
 *       car reports itself unavailable; on release it carries on (the door closes a full door time
 *       later).</li>
 *   <li>{@link Watchdog}: a stalled motor is re-commanded and reported as "motor", a door held open
 *       too long as "door"; both clear by themselves.</li>
 *   <li>The primary's {@link Standby} advice: a car with no call at all goes to the park floor and
 *       waits there with its door shut (passing floors without stopping); a car whose door is open
 *       keeps it open while the advice holds it, at most {@link FsmConfig#maxHoldMs()} after it
 *       opened (the watchdog counts from the hold's end). Advice never changes which calls are
 *       served or when a served call is reported.</li>
 * </ul>
 * Not thread-safe: one shell thread drives it.
 */
public final class Fsm {
  private final FsmConfig config;
  private final Watchdog watchdog;
  private final Door door;
  private Calls calls;
  private Integer floor;
  private boolean atFloor;
  private MotorDirection direction = STOP;
  private Behaviour behaviour = Behaviour.IDLE;
  private MotorDirection motor = STOP;
  private boolean stopPressed;
  private long announcedWake = Watchdog.NONE;
  private MotorDirection lastTravel = STOP; // the way the motor last drove
  private Integer relevelTo; // the floor the car drifted off with its door open, to open it there again
  private MotorDirection relevelAnnounced = STOP; // the direction announced at that stop
  private Standby standby = Standby.NONE; // the primary's advice
  private List<Action> out;

  public Fsm(FsmConfig config) {
    this.config = config;
    this.watchdog = new Watchdog(config);
    this.door = new Door(config.doorOpenMs());
    this.calls = Calls.none(config.floors());
  }

  public ElevatorState state() {
    return new ElevatorState(floor, direction, behaviour, door.obstructed(), stopPressed,
        stopPressed ? ElevatorState.STOP : watchdog.reason());
  }

  /** The calls this car still has to serve. */
  public Calls calls() {
    return calls;
  }

  /** The earliest time {@link #tick(long)} has something to do, if any. */
  public OptionalLong nextDeadline() {
    long next = nextWake();
    return next == Watchdog.NONE ? OptionalLong.empty() : OptionalLong.of(next);
  }

  /** The floor sensor reads {@code arrived}. */
  public List<Action> onFloorArrived(int arrived, long now) {
    if (arrived < 0 || arrived >= config.floors()) throw new IllegalArgumentException("no floor " + arrived);
    return handle(now, () -> {
      boolean moved = floor == null || floor != arrived || !atFloor;
      floor = arrived;
      atFloor = true;
      if (moved) {
        watchdog.progress(now);
        out.add(new Action.FloorIndicator(arrived));
      }
      if (stopPressed) return;
      if (behaviour == Behaviour.MOVING && relevelTo != null) {
        boolean back = relevelTo == arrived;
        relevelTo = null;
        if (back) {
          setMotor(STOP, now);
          direction = relevelAnnounced;
          openDoor(now);
          serveHere();
          return;
        }
      }
      if (behaviour == Behaviour.MOVING) {
        if (DirectionChooser.shouldStop(calls, arrived, direction) && !passingToPark(arrived)) stopHere(now);
      } else if (behaviour == Behaviour.IDLE) {
        decideAtRest(now);
      }
    });
  }

  /** The floor sensor reads "between floors" (a floor was left, or the car was found between floors). */
  public List<Action> onBetweenFloors(long now) {
    return handle(now, () -> {
      if (atFloor) watchdog.progress(now);
      atFloor = false;
      if (behaviour == Behaviour.MOVING || stopPressed) return;
      if (behaviour == Behaviour.DOOR_OPEN && floor != null) {
        relevelTo = floor;
        relevelAnnounced = direction;
        closeDoor();
        move(lastTravel == DOWN ? UP : DOWN, now); // back the way it drifted
        return;
      }
      if (behaviour == Behaviour.DOOR_OPEN) closeDoor();
      move(DOWN, now);
    });
  }

  public List<Action> onObstruction(boolean active, long now) {
    return handle(now, () -> door.obstruction(active, now));
  }

  public List<Action> onStopButton(boolean pressed, long now) {
    return handle(now, () -> {
      if (stopPressed == pressed) return;
      stopPressed = pressed;
      out.add(new Action.StopLamp(pressed));
      if (pressed) {
        setMotor(STOP, now);
        if (behaviour == Behaviour.MOVING) behaviour = Behaviour.IDLE;
        if (atFloor && floor != null && behaviour != Behaviour.DOOR_OPEN) openDoor(now);
      } else if (behaviour == Behaviour.DOOR_OPEN) {
        door.holdFrom(now);
        watchdog.doorOpened(now);
        serveWhileOpen(now);
      } else if (!atFloor) {
        move(direction == UP ? UP : DOWN, now);
      } else {
        decideAtRest(now);
      }
    });
  }

  /**
   * Replaces the calls this car must serve (its cab calls and the hall calls assigned to it).
   * A call that is served is removed here and reported once as {@link Action.Served}; the
   * caller must not hand it back unless it was pressed anew, or it is served again.
   */
  public List<Action> onCallsChanged(Calls newCalls, long now) {
    if (newCalls.floors() != config.floors()) throw new IllegalArgumentException("calls for another building");
    return handle(now, () -> {
      calls = newCalls;
      if (stopPressed) return;
      if (behaviour == Behaviour.IDLE) decideAtRest(now);
      else if (behaviour == Behaviour.DOOR_OPEN) serveWhileOpen(now);
    });
  }

  /**
   * The primary's advice ({@link Standby}): where to wait with nothing to do, whether to keep the
   * door open. Takes effect at once: an idle car sets off for the park floor, a held door closes
   * (if its time is up) when the hold is withdrawn.
   */
  public List<Action> onStandby(Standby advice, long now) {
    return handle(now, () -> {
      boolean wasHeld = door.held(now);
      standby = advice;
      if (advice.holdDoors()) door.hold(config.maxHoldMs()); else door.release();
      if (stopPressed) return;
      if (wasHeld && !door.held(now)) watchdog.doorOpened(now); // "door" counts from the hold's end
      if (behaviour == Behaviour.IDLE) decideAtRest(now);
    });
  }

  /** Time passes: door timer and watchdogs. Always re-announces the next deadline. */
  public List<Action> tick(long now) {
    announcedWake = Watchdog.NONE;
    return handle(now, () -> {
      if (watchdog.motorDue(now)) out.add(new Action.Motor(motor));
      if (behaviour != Behaviour.DOOR_OPEN) return;
      if (!stopPressed && door.held(now)) {
        watchdog.doorOpened(now); // open on purpose: not stuck
        return;
      }
      watchdog.checkDoor(now);
      if (!stopPressed && door.mayCloseAt(now)) doorTimedOut(now);
    });
  }

  private void stopHere(long now) {
    setMotor(STOP, now);
    if (calls.anyAt(floor)) {
      direction = DirectionChooser.announceOnArrival(calls, floor, direction);
      openDoor(now);
      serveHere();
    } else {
      behaviour = Behaviour.IDLE;
      direction = STOP;
      decideAtRest(now);
    }
  }

  private void decideAtRest(long now) {
    if (floor == null || !atFloor) return;
    if (calls.anyAt(floor)) {
      direction = DirectionChooser.announceFromRest(calls, floor);
      openDoor(now);
      serveHere();
      return;
    }
    MotorDirection next = DirectionChooser.departure(calls, floor, STOP);
    if (next == STOP) next = towardsPark();
    if (next == STOP) {
      behaviour = Behaviour.IDLE;
      direction = STOP;
    } else {
      move(next, now);
    }
  }

  private void serveWhileOpen(long now) {
    if (direction == STOP) direction = DirectionChooser.announceFromRest(calls, floor);
    if (serveHere()) door.holdFrom(now);
  }

  private void doorTimedOut(long now) {
    if (DirectionChooser.mustReverseHere(calls, floor, direction)) {
      direction = direction.opposite();
      serveHere();
      door.holdFrom(now);
      return;
    }
    closeDoor();
    MotorDirection next = DirectionChooser.departure(calls, floor, direction);
    if (next == STOP) {
      direction = STOP;
      decideAtRest(now);
    } else {
      move(next, now);
    }
  }

  /** Serves the cab call here and the hall call in the announced direction; true if any was set. */
  private boolean serveHere() {
    boolean served = serve(Call.cab(floor));
    if (direction != STOP) served |= serve(Call.hall(floor, direction));
    return served;
  }

  private boolean serve(Call call) {
    if (!calls.contains(call)) return false;
    calls = calls.without(call);
    out.add(new Action.Served(call));
    return true;
  }

  /** Up or down to the advised park floor for a car with no call at all; STOP when there is none or it is there. */
  private MotorDirection towardsPark() {
    int park = standby.parkFloor();
    if (!calls.isEmpty() || !standby.parks() || park >= config.floors() || floor == null || park == floor) return STOP;
    return park > floor ? UP : DOWN;
  }

  /** A car with no call, on its way to a park floor further on: it passes {@code arrived} without stopping. */
  private boolean passingToPark(int arrived) {
    int park = standby.parkFloor();
    return calls.isEmpty() && standby.parks() && park < config.floors()
        && (direction == UP ? park > arrived : direction == DOWN && park < arrived);
  }

  private void openDoor(long now) {
    behaviour = Behaviour.DOOR_OPEN;
    door.open(now);
    if (standby.holdDoors()) door.hold(config.maxHoldMs());
    watchdog.doorOpened(now);
    out.add(new Action.DoorLamp(true));
  }

  private void closeDoor() {
    behaviour = Behaviour.IDLE;
    door.close();
    watchdog.doorClosed();
    out.add(new Action.DoorLamp(false));
  }

  private void move(MotorDirection towards, long now) {
    behaviour = Behaviour.MOVING;
    direction = towards;
    lastTravel = towards;
    setMotor(towards, now);
  }

  private void setMotor(MotorDirection commanded, long now) {
    if (motor == commanded) return;
    motor = commanded;
    out.add(new Action.Motor(commanded));
    if (commanded == STOP) watchdog.motorStopped(); else watchdog.motorStarted(now);
  }

  private long nextWake() {
    long doorDeadline = behaviour == Behaviour.DOOR_OPEN && !stopPressed ? door.closesAt() : Watchdog.NONE;
    return Math.min(doorDeadline, watchdog.nextDeadline());
  }

  private List<Action> handle(long now, Runnable step) {
    out = new ArrayList<>();
    step.run();
    long next = nextWake();
    if (next != Watchdog.NONE && next != announcedWake) out.add(new Action.WakeAt(next));
    announcedWake = next;
    List<Action> actions = out;
    out = null;
    return actions;
  }
}
