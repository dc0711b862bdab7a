package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.HardwareEvent.ButtonPressed;
import org.paternoster.elevator.hardware.HardwareEvent.Connected;
import org.paternoster.elevator.hardware.HardwareEvent.Disconnected;
import org.paternoster.elevator.hardware.HardwareEvent.FloorArrived;
import org.paternoster.elevator.hardware.HardwareEvent.FloorLeft;
import org.paternoster.elevator.hardware.HardwareEvent.Obstruction;
import org.paternoster.elevator.hardware.HardwareEvent.StopButton;
import org.paternoster.elevator.sim.EmbeddedSimulator;
import org.paternoster.elevator.sim.SimulatorConfig;
import org.paternoster.elevator.sim.SimulatorState;
import org.paternoster.time.MonotonicClock;

/** {@link ElevatorDriver} against the {@link EmbeddedSimulator} over real TCP on loopback. */
@ExtendWith(VertxExtension.class)
class DriverSimulatorTest {
  private static final SimulatorConfig SIM = SimulatorConfig.defaults(4, 1).withTiming(100, 400).withStartFloor(1);

  private Vertx vertx;
  private EmbeddedSimulator sim;
  private ElevatorDriver driver;
  private final List<HardwareEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void connect(Vertx vertx) {
    this.vertx = vertx;
    sim = EmbeddedSimulator.start(vertx, SIM, new MonotonicClock()).await();
    driver = startDriver(events);
    await().until(() -> events.contains(new Obstruction(false)));
  }

  @Test
  void theFirstPollReportsTheLevelState() {
    assertThat(events).startsWith(new Connected(), new FloorArrived(1), new StopButton(false), new Obstruction(false));
    assertThat(driver.isConnected()).isTrue();
  }

  @Test
  void aPressIsReportedAsOneEdgeWhileItIsHeld() {
    sim.press(Button.CAB, 2).await();
    await().until(() -> count(new ButtonPressed(Button.CAB, 2)) == 1);
    await().until(() -> !state().isPressed(Button.CAB, 2));
    sim.setObstruction(true).await();
    await().until(() -> events.contains(new Obstruction(true)));
    assertThat(count(new ButtonPressed(Button.CAB, 2))).isEqualTo(1);
    sim.press(Button.CAB, 2).await();
    await().until(() -> count(new ButtonPressed(Button.CAB, 2)) == 2);
  }

  @Test
  void theCarIsSeenLeavingAndArriving() {
    driver.setMotor(MotorDirection.UP);
    await().until(() -> events.contains(new FloorArrived(2)));
    driver.setMotor(MotorDirection.STOP);
    assertThat(events).containsSubsequence(new FloorArrived(1), new FloorLeft(1), new FloorArrived(2));
  }

  @Test
  void lampsAreWrittenOnlyWhenTheyChange() {
    long before = sim.stats().await().lampWrites();
    for (int i = 0; i < 3; i++) driver.setButtonLamp(Button.CAB, 2, true);
    driver.setButtonLamp(Button.HALL_UP, 0, true);
    driver.setButtonLamp(Button.CAB, 2, true);
    driver.setButtonLamp(Button.HALL_UP, 0, true);
    driver.setButtonLamp(Button.CAB, 2, false);
    driver.setButtonLamp(Button.CAB, 2, false);
    driver.setDoorLamp(true);
    await().until(() -> state().doorLamp());
    SimulatorState state = state();
    assertThat(state.lamp(Button.HALL_UP, 0)).isTrue();
    assertThat(state.lamp(Button.CAB, 2)).isFalse();
    assertThat(sim.stats().await().lampWrites() - before).isEqualTo(3);
  }

  @Test
  void aFloorOutsideTheBuildingIsNeverSent() {
    long lampWrites = sim.stats().await().lampWrites();
    driver.setButtonLamp(Button.CAB, 4, true);
    driver.setButtonLamp(Button.CAB, -1, true);
    driver.setButtonLamp(Button.HALL_UP, 3, true);
    driver.setButtonLamp(Button.HALL_DOWN, 0, true);
    driver.setFloorIndicator(4);
    driver.setFloorIndicator(-1);
    driver.setFloorIndicator(3);
    await().until(() -> state().floorIndicator() == 3);
    assertThat(sim.stats().await().ignored()).isZero();
    assertThat(sim.stats().await().lampWrites()).isEqualTo(lampWrites);
  }

  @Test
  void aSecondClientGetsNoRepliesUntilTheFirstLeaves() {
    List<Buffer> replies = new CopyOnWriteArrayList<>();
    NetSocket second = vertx.createNetClient().connect(sim.port(), "127.0.0.1").await();
    second.handler(replies::add);
    second.write(Frame.readFloor().toBuffer()).await();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(replies::isEmpty);
    driver.close().await();
    await().until(() -> replies.stream().mapToInt(Buffer::length).sum() == Frame.SIZE);
    assertThat(Frame.readFrom(replies.get(0), 0)).isEqualTo(Frame.floorReply(1));
    second.close().await(); // left open, it could hold up closing the Vert.x for 30 s (seen: 3 of 4 runs of this class)
  }

  @Test
  void aSecondDriverIsNotConnectedUntilTheFirstLeaves() {
    List<HardwareEvent> secondEvents = new CopyOnWriteArrayList<>();
    ElevatorDriver second = startDriver(secondEvents);
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(secondEvents::isEmpty);
    driver.close().await();
    await().atMost(Duration.ofSeconds(10)).until(() -> secondEvents.contains(new Connected()));
    assertThat(second.isConnected()).isTrue();
    second.close().await();
  }

  /** A closing Vert.x may undeploy the simulator before the node closes it: a second close is no error. */
  @Test
  void closingTheSimulatorTwiceClosesItOnce() {
    sim.close().await();
    assertThat(vertx.deploymentIDs()).as("undeployed").isEmpty();
    assertThat(sim.close().succeeded()).isTrue();
  }

  @Test
  void theMotorStopsWhenTheClientDisconnects() {
    driver.setMotor(MotorDirection.DOWN);
    await().until(() -> state().motor() == MotorDirection.DOWN);
    driver.close().await();
    await().until(() -> state().motor() == MotorDirection.STOP);
  }

  @Test
  void afterTheServerRestartsTheDriverReconnectsAndRestoresEveryOutput() {
    driver.setButtonLamp(Button.CAB, 3, true);
    driver.setDoorLamp(true);
    driver.setFloorIndicator(1);
    await().until(() -> state().lamp(Button.CAB, 3) && state().doorLamp());
    int port = sim.port();
    sim.close().await();
    await().until(() -> events.contains(new Disconnected()));
    assertThat(driver.isConnected()).isFalse();
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
      sim = EmbeddedSimulator.start(vertx, SIM, "127.0.0.1", port, EmbeddedSimulator.NO_HTTP, new MonotonicClock()).await();
      return true;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> count(new Connected()) == 2);
    await().until(() -> state().lamp(Button.CAB, 3) && state().doorLamp() && state().floorIndicator() == 1);
    int reconnected = events.lastIndexOf(new Connected());
    await().until(() -> events.subList(reconnected, events.size()).contains(new FloorArrived(1)));
  }

  private ElevatorDriver startDriver(List<HardwareEvent> sink) {
    ElevatorDriver d = new ElevatorDriver(vertx, DriverConfig.of("127.0.0.1", sim.port(), 4));
    d.setListener(sink::add);
    d.start().await();
    return d;
  }

  private SimulatorState state() {
    return sim.state().await();
  }

  private long count(HardwareEvent event) {
    return events.stream().filter(event::equals).count();
  }
}
