package org.paternoster.elevator.fsm;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.LongSupplier;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.hardware.ElevatorIo;
import org.paternoster.elevator.hardware.HardwareEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link Fsm} against an {@link ElevatorIo} on the I/O's context: hardware events and
 * timers go in, motor and door/floor/stop lamps come out, and what the node must know goes to the
 * {@link Listener}. Button lamps are not the state machine's business: the node lights what the
 * order book has committed, through {@link #setButtonLamps(Calls)}.
 *
 * <p>Threading: the Fsm is touched only on {@code io.context()}; the public methods may be called
 * from any thread and hop there; {@link #state()} may be read from anywhere. Listener callbacks
 * run on that context and must not block.
 */
public final class FsmRunner {
  /** What the node hears from its car; all callbacks on the I/O context. */
  public interface Listener {
    /** A call was served at the car's floor; report it exactly once. */
    default void onServed(Call call) {}

    /** The snapshot changed (floor, direction, behaviour, obstruction, stop, availability). */
    default void onStateChanged(ElevatorState state) {}

    /** Someone pressed a button on this car's panel (hall buttons included). */
    default void onButtonPressed(Call call) {}

    /** The hardware started or stopped answering. */
    default void onHardwareConnection(boolean connected) {}
  }

  private static final Logger log = LoggerFactory.getLogger(FsmRunner.class);

  private final ElevatorIo io;
  private final Fsm fsm;
  private final LongSupplier clock;
  private final Listener listener;
  private final Context context;
  private final Vertx vertx;
  private volatile ElevatorState state;
  private long timer = -1;
  private boolean closed;

  /** @param clock monotonic milliseconds, the same clock for every call into the Fsm */
  public FsmRunner(ElevatorIo io, FsmConfig config, LongSupplier clock, Listener listener) {
    if (config.floors() != io.floors()) throw new IllegalArgumentException("Fsm and hardware disagree on floors");
    this.io = io;
    this.fsm = new Fsm(config);
    this.clock = clock;
    this.listener = listener;
    this.context = io.context();
    this.vertx = context.owner();
    this.state = fsm.state();
  }

  /** Starts listening to the hardware. */
  public void start() {
    onContext(() -> io.setListener(this::onHardware));
  }

  /** Stops reacting to the hardware and timers; the hardware itself is the caller's to close. */
  public void close() {
    onContext(() -> {
      closed = true;
      vertx.cancelTimer(timer);
      io.setListener(event -> {});
    });
  }

  /** Replaces the calls this car must serve (see {@link Fsm#onCallsChanged}). */
  public void setCalls(Calls calls) {
    onContext(() -> run(fsm.onCallsChanged(calls, clock.getAsLong())));
  }

  /** The primary's advice to this car (see {@link Fsm#onStandby}). */
  public void setStandby(org.paternoster.assign.Standby standby) {
    onContext(() -> run(fsm.onStandby(standby, clock.getAsLong())));
  }

  /** Lights exactly these buttons on this car's panel (the hardware writes only the changes). */
  public void setButtonLamps(Calls lit) {
    onContext(() -> {
      for (int floor = 0; floor < io.floors(); floor++) {
        for (Button button : Button.values()) {
          if (button.existsAt(floor, io.floors())) io.setButtonLamp(button, floor, lit.has(button, floor));
        }
      }
    });
  }

  /** The latest snapshot; readable from any thread. */
  public ElevatorState state() {
    return state;
  }

  private void onHardware(HardwareEvent event) {
    long now = clock.getAsLong();
    if (event instanceof HardwareEvent.FloorArrived e) {
      run(fsm.onFloorArrived(e.floor(), now));
    } else if (event instanceof HardwareEvent.FloorLeft) {
      run(fsm.onBetweenFloors(now));
    } else if (event instanceof HardwareEvent.StopButton e) {
      run(fsm.onStopButton(e.pressed(), now));
    } else if (event instanceof HardwareEvent.Obstruction e) {
      run(fsm.onObstruction(e.active(), now));
    } else if (event instanceof HardwareEvent.ButtonPressed e) {
      notify(() -> listener.onButtonPressed(new Call(e.button(), e.floor())));
    } else {
      boolean connected = event instanceof HardwareEvent.Connected;
      notify(() -> listener.onHardwareConnection(connected));
    }
  }

  private void run(List<Action> actions) {
    if (closed) return;
    for (Action action : actions) {
      if (action instanceof Action.Motor a) {
        io.setMotor(a.direction());
      } else if (action instanceof Action.DoorLamp a) {
        io.setDoorLamp(a.on());
      } else if (action instanceof Action.FloorIndicator a) {
        io.setFloorIndicator(a.floor());
      } else if (action instanceof Action.StopLamp a) {
        io.setStopLamp(a.on());
      } else if (action instanceof Action.Served a) {
        notify(() -> listener.onServed(a.call()));
      } else if (action instanceof Action.WakeAt a) {
        arm(a.at());
      }
    }
    ElevatorState now = fsm.state();
    if (!now.equals(state)) {
      state = now;
      notify(() -> listener.onStateChanged(now));
    }
  }

  private void arm(long at) {
    vertx.cancelTimer(timer);
    long delay = Math.max(1, at - clock.getAsLong());
    timer = vertx.setTimer(delay, id -> {
      timer = -1;
      run(fsm.tick(clock.getAsLong()));
    });
  }

  private void notify(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.error("elevator listener failed", e);
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
