package org.paternoster.elevator.sim;

import java.util.Optional;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.hardware.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies elevator-server requests to a {@link SimulatorCore} and produces the replies. Unlike the
 * official simulator, which asserts, a frame naming a floor outside the building, an unknown
 * button or motor byte, or an unknown opcode is logged and ignored: no reply, no state change.
 * Pure apart from logging; not thread-safe.
 */
public final class SimulatorProtocol {
  /** Frames seen since start: all of them, the ignored ones, and button-lamp writes. */
  public record Stats(long received, long ignored, long lampWrites) {}

  private static final Logger log = LoggerFactory.getLogger(SimulatorProtocol.class);

  private final SimulatorCore core;
  private long received;
  private long ignored;
  private long lampWrites;

  public SimulatorProtocol(SimulatorCore core) {
    this.core = core;
  }

  public Stats stats() {
    return new Stats(received, ignored, lampWrites);
  }

  /** The reply to {@code request}, empty for writes and for ignored frames. */
  public Optional<Frame> handle(Frame request, long now) {
    received++;
    switch (request.opcode()) {
      case Frame.RELOAD -> core.reset(now);
      case Frame.MOTOR -> {
        MotorDirection direction = Frame.motorDirection(request.a());
        if (direction == null) return ignore(request, "unknown motor direction");
        core.setMotor(direction, now);
      }
      case Frame.BUTTON_LAMP -> {
        Button button = button(request);
        if (button == null) return ignore(request, "no such button or floor");
        lampWrites++;
        core.setButtonLamp(button, request.b(), request.c() != 0);
      }
      case Frame.FLOOR_INDICATOR -> {
        if (!Frame.isValidFloor(request.a(), core.floors())) return ignore(request, "floor outside the building");
        core.setFloorIndicator(request.a());
      }
      case Frame.DOOR_LAMP -> core.setDoorLamp(request.a() != 0);
      case Frame.STOP_LAMP -> core.setStopLamp(request.a() != 0);
      case Frame.READ_BUTTON -> {
        Button button = button(request);
        if (button == null) return ignore(request, "no such button or floor");
        return Optional.of(Frame.reply(Frame.READ_BUTTON, core.isPressed(button, request.b(), now)));
      }
      case Frame.READ_FLOOR -> {
        return Optional.of(Frame.floorReply(core.floorSensor(now)));
      }
      case Frame.READ_STOP -> {
        return Optional.of(Frame.reply(Frame.READ_STOP, core.stop()));
      }
      case Frame.READ_OBSTRUCTION -> {
        return Optional.of(Frame.reply(Frame.READ_OBSTRUCTION, core.obstruction()));
      }
      default -> {
        return ignore(request, "unknown opcode");
      }
    }
    return Optional.empty();
  }

  private Button button(Frame request) {
    Button button = Button.fromCode(request.a());
    return button != null && Frame.isValidFloor(request.b(), core.floors()) ? button : null;
  }

  private Optional<Frame> ignore(Frame request, String why) {
    ignored++;
    log.warn("ignored {}: {}", request, why);
    return Optional.empty();
  }
}
