package org.paternoster.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.paternoster.elevator.hardware.Button;

/**
 * Several cars on the course's own simulator, one {@code SimElevatorServer} each, as in the lab. A
 * button is numbered {@code car * 3 * floors +} the car's own button number ({@link
 * CourseSimulatorPanel}). A cab button is pressed and timed on its car's panel. A hall button is
 * pressed on one car's panel and timed until its lamp shows there, the lamp the person pressing
 * it sees; and, apart ({@link #lastOnEveryPanelMicros}), until it shows on every panel, since hall
 * lamps are the same on every panel (elevator-protocol.md).
 *
 * <p>A hall button is only pressed with its lamp off on every panel and every car standing at
 * another floor, so no car can serve the call before its lamps are seen: the nearest needs a
 * floor's travel (400 ms by default), more than ten times the lamp's usual time. Two floors away,
 * as for a cab button, would leave no hall button with three cars on four floors.
 */
final class CourseSimulatorGroup implements Panel, AutoCloseable {
  private final List<CourseSimulatorPanel> cars;
  private final int perCar;
  private final int floors;
  /** The last hall press's microseconds until lit on every panel; -1 after a cab press. */
  private long lastOnEveryPanelMicros = -1;

  private CourseSimulatorGroup(List<CourseSimulatorPanel> cars, int floors) {
    this.cars = cars;
    this.floors = floors;
    this.perCar = 3 * floors;
  }

  /**
   * Starts a simulator on each of {@code ports} (as {@link CourseSimulatorPanel#start}), car
   * {@code k} on {@code ports.get(k)}, logging to {@code logs/course-simulator-<k>.log}.
   */
  static CourseSimulatorGroup start(Path binary, List<Integer> ports, int floors, int travelMs, Path logs) throws IOException {
    List<CourseSimulatorPanel> cars = new ArrayList<>();
    try {
      for (int car = 0; car < ports.size(); car++) {
        cars.add(CourseSimulatorPanel.start(binary, ports.get(car), floors, travelMs, logs.resolve("course-simulator-" + car + ".log")));
      }
    } catch (IOException | RuntimeException e) {
      cars.forEach(CourseSimulatorPanel::close);
      throw e;
    }
    return new CourseSimulatorGroup(List.copyOf(cars), floors);
  }

  /** The number of car {@code car}'s button {@code own} (a button number of its {@link CourseSimulatorPanel}). */
  int button(int car, int own) {
    return car * perCar + own;
  }

  /** Waits until a node has connected to every simulator. */
  void awaitConnected() throws InterruptedException {
    for (CourseSimulatorPanel car : cars) car.awaitConnected();
  }

  CourseSimulatorPanel car(int car) {
    return cars.get(car);
  }

  @Override
  public int nextUnlit(int after) throws InterruptedException {
    int buttons = cars.size() * perCar;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (int k = 1; k <= buttons; k++) {
        int button = (after + k) % buttons;
        if (pressable(button)) return button;
      }
      Thread.sleep(10); // the lamps and cars change at the simulators' pace: hundreds of ms
    }
    throw new IllegalStateException("the course's simulators: no button could be pressed for 60 s (every lamp lit, or a car between floors)");
  }

  /** Whether {@code button} may be pressed now: see the class comment for a hall button, {@link CourseSimulatorPanel#pressable(int)} for a cab one. */
  boolean pressable(int button) {
    int own = button % perCar;
    if (isCab(own)) return cars.get(button / perCar).pressable(own);
    for (CourseSimulatorPanel car : cars) if (!car.pressable(own, 1)) return false;
    return true;
  }

  private boolean isCab(int own) {
    return Button.fromCode(own / floors) == Button.CAB;
  }

  @Override
  public long pressUntilLit(int button) throws InterruptedException {
    CourseSimulatorPanel at = cars.get(button / perCar);
    int own = button % perCar;
    if (isCab(own)) {
      lastOnEveryPanelMicros = -1;
      return at.pressUntilLit(own);
    }
    for (CourseSimulatorPanel car : cars) car.forgetLit(own);
    long t0 = System.nanoTime();
    at.press(own);
    long here = at.microsUntilLit(own, t0);
    long everywhere = here;
    for (CourseSimulatorPanel car : cars) everywhere = Math.max(everywhere, car.microsUntilLit(own, t0));
    lastOnEveryPanelMicros = everywhere;
    return here;
  }

  /** After a hall press, the microseconds from the key to its lamp shown on every panel; -1 after a cab press. */
  long lastOnEveryPanelMicros() {
    return lastOnEveryPanelMicros;
  }

  /** Every simulator's display count (each a change of its state). */
  List<Long> displays() {
    return cars.stream().map(CourseSimulatorPanel::displays).toList();
  }

  @Override
  public void close() {
    cars.forEach(CourseSimulatorPanel::close);
  }
}
