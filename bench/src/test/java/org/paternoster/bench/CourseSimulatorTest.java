package org.paternoster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.elevator.fsm.FsmConfig;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.node.NodeConfig;
import org.paternoster.elevator.node.NodeVerticle;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.CallJson;
import org.paternoster.replica.http.ReplicaConfig;
import org.paternoster.replica.http.ReplicaVerticle;
import org.paternoster.testing.FreePorts;
import org.paternoster.time.LeaseClock;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.PingTiming;
import org.paternoster.view.ViewServiceVerticle;
import org.paternoster.view.ViewStore;

/**
 * Elevator nodes driving the course's own simulator (TTK4145 Simulator-v2), the program students
 * test against, not our re-implementation of its protocol: runs when
 * {@code PATERNOSTER_COURSE_SIMULATOR} names a {@code SimElevatorServer} ({@code
 * scripts/course-simulator.sh} builds one from a checkout; a clean machine here cannot fetch it, so
 * elsewhere each test is skipped, saying so).
 */
class CourseSimulatorTest {
  private static final int FLOORS = 4;
  private static final Duration DOOR_TIME = Duration.ofMillis(FsmConfig.defaults(FLOORS).doorOpenMs()); // the course's 3 s
  private final Vertx vertx = Vertx.vertx();
  @TempDir Path logs;
  private Path binary;
  private final List<AutoCloseable> simulators = new ArrayList<>();

  @BeforeEach
  void needsTheSimulator() {
    String path = System.getenv("PATERNOSTER_COURSE_SIMULATOR");
    assumeTrue(path != null && Files.isExecutable(Path.of(path)),
        "skipped: set PATERNOSTER_COURSE_SIMULATOR to the course's SimElevatorServer (scripts/course-simulator.sh builds one)");
    binary = Path.of(path);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable s : simulators) s.close();
    vertx.close().await();
  }

  /**
   * The car is fast (200 ms between floors, 50 ms on a floor's sensor when passing it), so a
   * driver that sees the sensor late runs the car off the end of the shaft: a poll written all at
   * once took 44 ms on this simulator, and the car ran off the bottom floor.
   */
  @Test
  void aNodeOfflineServesEveryCabCallBetweenTheEndsOfTheShaftWithoutRunningOffThem() throws Exception {
    CourseSimulatorPanel simulator = startOfflineCar(FreePorts.pick(), 200, "course-simulator.log");
    // The first trip goes to the end the car is farther from: a call where it stands is served
    // before its lamp shows (the simulator starts the car at any floor).
    int start = await("the car standing at a floor").atMost(Duration.ofSeconds(30)).until(simulator::carFloor, f -> f >= 0);
    int farEnd = start >= FLOORS / 2 ? 0 : FLOORS - 1;
    for (int trip = 0; trip < 6; trip++) {
      int floor = trip % 2 == 0 ? farEnd : FLOORS - 1 - farEnd; // end to end, where running past the floor leaves the shaft
      int cab = simulator.button(Button.CAB, floor);
      simulator.pressUntilLit(cab);
      simulator.awaitUnlit(cab, 20);
      assertThat(simulator.carFloor()).as("the car stands at the floor whose call it served").isEqualTo(floor);
    }
    assertStayedInTheShaftWithItsDoorShutBetweenFloors(simulator);
  }

  /**
   * The door stays open at a stop while the obstruction switch is on, however long, and the car
   * does not leave for the call waiting elsewhere; released, the door closes and the car goes.
   */
  @Test
  void anObstructedDoorStaysOpenAndTheCarStaysUntilTheSwitchIsReleased() throws Exception {
    CourseSimulatorPanel simulator = startOfflineCar(FreePorts.pick(), 400, "course-simulator.log");
    int first = awaitCabButtonAwayFromItsCar(simulator);
    simulator.pressUntilLit(first);
    simulator.awaitUnlit(first, 20);
    int stop = first % FLOORS;
    simulator.awaitDoor(true, 5);
    simulator.toggleObstruction();
    int waiting = simulator.button(Button.CAB, stop >= 2 ? 0 : FLOORS - 1);
    simulator.pressUntilLit(waiting);

    await("the door held open, the car at its stop, past the door time").during(DOOR_TIME.plusSeconds(2)).atMost(DOOR_TIME.plusSeconds(4))
        .until(() -> simulator.doorOpen() && simulator.carFloor() == stop);
    simulator.toggleObstruction();
    simulator.awaitDoor(false, (int) DOOR_TIME.toSeconds() + 2);
    simulator.awaitUnlit(waiting, 20);
    assertThat(simulator.carFloor()).as("released, the car served the call that waited").isEqualTo(waiting % FLOORS);
    assertStayedInTheShaftWithItsDoorShutBetweenFloors(simulator);
  }

  /**
   * The course's test of motor power loss: the motor is stopped under a moving car, behind the
   * controller's back. The node notices no floor change within its motor timeout, commands the
   * motor again (its last command is unchanged, so a driver sending only changes would never
   * resend it), and the car goes on to serve the call.
   */
  @Test
  void aMotorStoppedUnderAMovingCarIsCommandedAgainAndTheCallIsServed() throws Exception {
    CourseSimulatorPanel simulator = startOfflineCar(FreePorts.pick(), 1_000, "course-simulator.log");
    int cab = awaitCabButtonAwayFromItsCar(simulator);
    simulator.pressUntilLit(cab);
    simulator.awaitBetweenFloors(5);
    simulator.stopMotor();
    long motorTimeoutS = FsmConfig.defaults(FLOORS).motorTimeoutMs() / 1_000;
    simulator.awaitUnlit(cab, (int) motorTimeoutS + 15);
    assertThat(simulator.carFloor()).as("the car stands at the floor of the call it served").isEqualTo(cab % FLOORS);
    assertStayedInTheShaftWithItsDoorShutBetweenFloors(simulator);
  }

  /**
   * The simulator is restarted under a node with a call pending (as a student restarts it, or a
   * lab machine's elevator server drops): the new one starts with every lamp off, and the node
   * shows the pending call on it again and serves it.
   */
  @Test
  void aRestartedSimulatorShowsThePendingCallAgainAndTheCarServesIt() throws Exception {
    int simPort = FreePorts.pick();
    CourseSimulatorPanel before = startOfflineCar(simPort, 2_000, "course-simulator-1.log");
    int cab = awaitCabButtonAwayFromItsCar(before);
    before.pressUntilLit(cab); // two floors or more away: 4 s or more of travel at the course's speed
    before.close();

    CourseSimulatorPanel after = startSimulator(simPort, 2_000, "course-simulator-2.log");
    after.awaitConnected();
    after.microsUntilLit(cab, System.nanoTime()); // within 5 s of the node reconnecting
    after.awaitUnlit(cab, 30);
    assertThat(after.carFloor()).as("the car stands at the floor of the call it served").isEqualTo(cab % FLOORS);
    assertStayedInTheShaftWithItsDoorShutBetweenFloors(after);
  }

  /**
   * The lab's set-up: three cars, each a node on a simulator of its own, under a view service and
   * a primary/backup pair. A hall call pressed at one car's panel lights on all three panels
   * (hall lamps are the same everywhere) and some car serves it; a cab call lights on its own
   * car's panel only, and that car serves it.
   */
  @Test
  void threeCarsShowAHallCallOnEveryPanelAndACabCallOnItsOwnAndServeBoth() throws Exception {
    CourseSimulatorGroup cars = startLab(400).cars();
    int hall = awaitHallButtonAwayFromEveryCar(cars);
    cars.pressUntilLit(cars.button(0, hall)); // pressed at the first car's panel
    assertThat(cars.lastOnEveryPanelMicros()).as("lit on every panel within 5 s").isPositive();
    awaitServedByACar(cars, hall);

    CourseSimulatorPanel third = cars.car(2);
    int cab = awaitCabButtonAwayFromItsCar(third);
    third.pressUntilLit(cab);
    assertThat(cars.car(0).lit(cab) || cars.car(1).lit(cab)).as("a cab lamp shows on its own car's panel only").isFalse();
    third.awaitUnlit(cab, 30);
    assertThat(third.carFloor()).as("the car whose cab call it was stands at its floor").isEqualTo(cab % FLOORS);
    assertEveryCarStayedInTheShaftWithItsDoorShutBetweenFloors(cars);
  }

  /**
   * The primary is lost while a hall call it acknowledged is lit on every panel and no car has
   * reached it yet (the course's speed, a floor or more away): the backup takes over, the lamps
   * stay lit, a press after the failover reaches the new primary's book, and the call is served.
   */
  @Test
  void aHallCallLitOnEveryPanelOutlivesItsPrimaryAndIsServed() throws Exception {
    Lab lab = startLab(2_000);
    CourseSimulatorGroup cars = lab.cars();
    int hall = awaitHallButtonAwayFromEveryCar(cars);
    cars.pressUntilLit(cars.button(1, hall)); // at the second car's panel
    assertThat(cars.lastOnEveryPanelMicros()).as("lit on every panel within 5 s").isPositive();
    JsonObject before = lab.view();
    vertx.undeploy(lab.replicas().get(before.getString("primaryAddress"))).await();

    JsonObject after = await("the backup appointed primary").atMost(Duration.ofSeconds(30))
        .until(lab::view, v -> v.getBoolean("acked") && before.getString("backupAddress").equals(v.getString("primaryAddress")));
    for (int car = 0; car < 3; car++) {
      assertThat(cars.car(car).lit(hall)).as("the hall lamp still lit at car %d's panel after the failover", car).isTrue();
    }
    CourseSimulatorPanel first = cars.car(0);
    int cab = awaitCabButtonAwayFromItsCar(first);
    first.pressUntilLit(cab);
    CabCall pressed = new CabCall("e1", cab % FLOORS);
    await("the press after the failover in the new primary's book").atMost(Duration.ofSeconds(10)).until(() -> {
      JsonObject orders = lab.http().getAbs(after.getString("primaryAddress") + "/orders").send().await().bodyAsJsonObject();
      return orders.getJsonArray("orders").stream().anyMatch(o -> CallJson.fromJson((JsonObject) o).equals(pressed));
    });
    awaitServedByACar(cars, hall);
    first.awaitUnlit(cab, 30);
    assertEveryCarStayedInTheShaftWithItsDoorShutBetweenFloors(cars);
  }

  /**
   * One car: the course's simulator on {@code port} ({@code travelMs} between floors) and a node
   * driving it with no view service, so it serves its cab calls offline; returns once connected.
   */
  private CourseSimulatorPanel startOfflineCar(int port, int travelMs, String log) throws Exception {
    CourseSimulatorPanel simulator = startSimulator(port, travelMs, log);
    vertx.deployVerticle(new NodeVerticle(NodeConfig.onHardware("e1", "127.0.0.1", FreePorts.pick(), FLOORS, "127.0.0.1:" + port,
        () -> "http://127.0.0.1:1", null))).await();
    simulator.awaitConnected();
    return simulator;
  }

  /** The course's simulator on {@code port}, logging to {@code log} in this test's directory, stopped after the test. */
  private CourseSimulatorPanel startSimulator(int port, int travelMs, String log) throws Exception {
    CourseSimulatorPanel simulator = CourseSimulatorPanel.start(binary, port, FLOORS, travelMs, logs.resolve(log));
    simulators.add(simulator);
    return simulator;
  }

  /** The lab's set-up in this JVM: its view service, its replicas by address (to deployment), its cars. */
  private record Lab(WebClient http, String viewService, Map<String, String> replicas, CourseSimulatorGroup cars) {
    JsonObject view() {
      return http.getAbs(viewService + "/view").send().await().bodyAsJsonObject();
    }
  }

  /**
   * A view service and replicas r1, r2 over real HTTP (once the view naming both is acked), and
   * three nodes e1..e3, each on a course simulator of its own ({@code travelMs} between floors),
   * every node linked to the primary.
   */
  private Lab startLab(int travelMs) throws Exception {
    WebClient http = WebClient.create(vertx);
    int vsPort = FreePorts.pick();
    vertx.deployVerticle(new ViewServiceVerticle("127.0.0.1", vsPort, PingTiming.DEFAULT, ViewStore.inMemory(), new MonotonicClock())).await();
    String viewService = "http://127.0.0.1:" + vsPort;
    Map<String, String> replicas = new HashMap<>();
    for (String id : List.of("r1", "r2")) {
      ReplicaConfig config = ReplicaConfig.of(id, "127.0.0.1", FreePorts.pick(), FLOORS, () -> viewService, PingTiming.DEFAULT_INTERVAL_MS);
      replicas.put(config.address(), vertx.deployVerticle(new ReplicaVerticle(config, new LeaseClock())).await());
    }
    List<Integer> simulatorPorts = List.of(FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
    Lab lab = new Lab(http, viewService, replicas, CourseSimulatorGroup.start(binary, simulatorPorts, FLOORS, travelMs, logs));
    simulators.add(lab.cars());
    await("a view with a primary and a backup").atMost(Duration.ofSeconds(30))
        .until(lab::view, v -> v.getBoolean("acked") && v.getString("backup") != null);
    List<NodePanel> nodes = new ArrayList<>();
    for (int car = 0; car < 3; car++) {
      int port = FreePorts.pick();
      vertx.deployVerticle(new NodeVerticle(NodeConfig.onHardware("e" + (car + 1), "127.0.0.1", port, FLOORS,
          "127.0.0.1:" + simulatorPorts.get(car), () -> viewService, null))).await();
      nodes.add(new NodePanel(vertx, http, port, FLOORS));
    }
    for (NodePanel node : nodes) node.awaitOnline(); // linked to the primary
    lab.cars().awaitConnected();
    return lab;
  }

  /** Waits until {@code hall}'s lamp is off on every panel, and checks a car stands at its floor. */
  private static void awaitServedByACar(CourseSimulatorGroup cars, int hall) throws InterruptedException {
    for (int car = 0; car < 3; car++) cars.car(car).awaitUnlit(hall, 30);
    assertThat(List.of(cars.car(0).carFloor(), cars.car(1).carFloor(), cars.car(2).carFloor()))
        .as("a car stands at the floor of the hall call it served").contains(hall % FLOORS);
  }

  private static void assertEveryCarStayedInTheShaftWithItsDoorShutBetweenFloors(CourseSimulatorGroup cars) {
    for (int car = 0; car < 3; car++) assertStayedInTheShaftWithItsDoorShutBetweenFloors(cars.car(car));
  }

  /** The car never ran off either end of the shaft, and its door lamp was never on between floors. */
  private static void assertStayedInTheShaftWithItsDoorShutBetweenFloors(CourseSimulatorPanel car) {
    assertThat(car.ranOffTheEnd()).as("the car stayed in the shaft").isFalse();
    assertThat(car.doorLitAwayFromAFloor()).as("the door lamp never on between floors").isFalse();
  }

  /** A mounted hall button, lamp off everywhere, at a floor where no car stands (so none serves it before its lamps show). */
  private static int awaitHallButtonAwayFromEveryCar(CourseSimulatorGroup cars) {
    return await("every car standing at a floor, one hall button away from them all").atMost(Duration.ofSeconds(30))
        .until(() -> {
          for (int own = 0; own < 2 * FLOORS; own++) if (cars.pressable(cars.button(0, own))) return own;
          return -1;
        }, b -> b >= 0);
  }

  private static int awaitCabButtonAwayFromItsCar(CourseSimulatorPanel car) {
    return await("the car standing at a floor").atMost(Duration.ofSeconds(30)).until(() -> {
      for (int floor = 0; floor < FLOORS; floor++) if (car.pressable(car.button(Button.CAB, floor))) return car.button(Button.CAB, floor);
      return -1;
    }, b -> b >= 0);
  }
}
