package org.paternoster.elevator.fsm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;

/**
 * An immutable set of {@link Call}s in a building of {@code floors} floors: the calls a car must
 * serve, or the calls a panel shows lit. Only buttons that exist can be members (no hall-up at the
 * top floor, no hall-down at floor 0).
 */
public final class Calls {
  private static final int BUTTONS = Button.values().length;

  private final int floors;
  private final BitSet bits;

  private Calls(int floors, BitSet bits) {
    this.floors = floors;
    this.bits = bits;
  }

  public static Calls none(int floors) {
    if (floors < 2) throw new IllegalArgumentException("floors must be at least 2");
    return new Calls(floors, new BitSet());
  }

  public static Calls of(int floors, Collection<Call> calls) {
    Calls result = none(floors);
    for (Call call : calls) result = result.with(call);
    return result;
  }

  public static Calls of(int floors, Call... calls) {
    return of(floors, List.of(calls));
  }

  public int floors() {
    return floors;
  }

  public boolean contains(Call call) {
    return call.floor() < floors && bits.get(index(call));
  }

  public boolean has(Button button, int floor) {
    return contains(new Call(button, floor));
  }

  public Calls with(Call call) {
    if (!call.button().existsAt(call.floor(), floors)) {
      throw new IllegalArgumentException("no " + call + " in a building of " + floors + " floors");
    }
    BitSet copy = (BitSet) bits.clone();
    copy.set(index(call));
    return new Calls(floors, copy);
  }

  public Calls without(Call call) {
    if (!contains(call)) return this;
    BitSet copy = (BitSet) bits.clone();
    copy.clear(index(call));
    return new Calls(floors, copy);
  }

  public boolean isEmpty() {
    return bits.isEmpty();
  }

  public boolean anyAt(int floor) {
    return bits.get(floor * BUTTONS, (floor + 1) * BUTTONS).cardinality() > 0;
  }

  public boolean anyAbove(int floor) {
    return bits.nextSetBit((floor + 1) * BUTTONS) >= 0;
  }

  public boolean anyBelow(int floor) {
    int first = bits.nextSetBit(0);
    return first >= 0 && first < floor * BUTTONS;
  }

  /** Whether there are calls beyond {@code floor} in {@code direction}; false for STOP. */
  public boolean anyBeyond(int floor, MotorDirection direction) {
    return switch (direction) {
      case UP -> anyAbove(floor);
      case DOWN -> anyBelow(floor);
      case STOP -> false;
    };
  }

  public List<Call> asList() {
    List<Call> calls = new ArrayList<>();
    bits.stream().forEach(i -> calls.add(new Call(Button.fromCode(i % BUTTONS), i / BUTTONS)));
    return calls;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Calls other && other.floors == floors && other.bits.equals(bits);
  }

  @Override
  public int hashCode() {
    return 31 * floors + bits.hashCode();
  }

  @Override
  public String toString() {
    return asList().toString();
  }

  private static int index(Call call) {
    return call.floor() * BUTTONS + call.button().code();
  }
}
