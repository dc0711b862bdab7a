package org.paternoster.elevator.node;

import java.util.Collection;
import org.paternoster.elevator.fsm.Calls;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Call;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/** Between the order book's calls (which name the car of a cab call) and the panel's buttons. */
final class CallMapping {
  private CallMapping() {}

  static Call toOrder(org.paternoster.elevator.fsm.Call button, String me) {
    return switch (button.button()) {
      case CAB -> new CabCall(me, button.floor());
      case HALL_UP -> new HallCall(button.floor(), Direction.UP);
      case HALL_DOWN -> new HallCall(button.floor(), Direction.DOWN);
    };
  }

  static org.paternoster.elevator.fsm.Call toButton(Call call) {
    if (call instanceof CabCall c) return org.paternoster.elevator.fsm.Call.cab(c.floor());
    HallCall h = (HallCall) call;
    return new org.paternoster.elevator.fsm.Call(h.direction() == Direction.UP ? Button.HALL_UP : Button.HALL_DOWN, h.floor());
  }

  static Calls toCalls(int floors, Collection<Call> calls) {
    return Calls.of(floors, calls.stream().map(CallMapping::toButton).toList());
  }
}
