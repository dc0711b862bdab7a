package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.HardwareEvent.Connected;
import org.paternoster.elevator.hardware.HardwareEvent.Disconnected;

/** The driver against misbehaving servers: it resets, backs off, and never spins or crashes. */
@ExtendWith(VertxExtension.class)
class DriverFaultTest {
  private final List<HardwareEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  @Test
  void aPollNotAnsweredInTimeIsAbandonedAndTheConnectionReset(Vertx vertx) {
    int pollReads = new Poll(4).reads().size();
    int port = fakeServer(vertx, (request, reads) -> reads <= pollReads ? Frame.reply(request.opcode(), false) : null);
    ElevatorDriver driver = driver(vertx, port);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().filter(new Connected()::equals).count() == 2);
    assertThat(events).containsSubsequence(new Connected(), new Disconnected(), new Connected());
    assertThat(connections.get()).isGreaterThanOrEqualTo(2);
    driver.close().await();
  }

  @Test
  void aServerThatBreaksTheProtocolIsRetriedWithBackoffNotInASpin(Vertx vertx) {
    int port = fakeServer(vertx, (request, reads) -> Frame.reply(Frame.READ_OBSTRUCTION, false));
    ElevatorDriver driver = driver(vertx, port);
    await().atMost(Duration.ofSeconds(5)).until(() -> connections.get() >= 3);
    int afterThree = connections.get();
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> connections.get() <= afterThree + 2);
    assertThat(events).isEmpty();
    assertThat(driver.isConnected()).isFalse();
    driver.close().await();
  }

  @Test
  void noServerAtAllIsRetriedQuietly(Vertx vertx) {
    NetServer probe = vertx.createNetServer().connectHandler(NetSocket::close).listen(0, "127.0.0.1").await();
    int port = probe.actualPort();
    probe.close().await();
    ElevatorDriver driver = driver(vertx, port);
    driver.setMotor(MotorDirection.UP);
    driver.setButtonLamp(Button.CAB, 1, true);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(events::isEmpty);
    assertThat(driver.isConnected()).isFalse();
    driver.close().await();
  }

  /** A server answering the n-th read of each connection with {@code answer}; null is silence. */
  private int fakeServer(Vertx vertx, Answer answer) {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      connections.incrementAndGet();
      AtomicInteger reads = new AtomicInteger();
      socket.handler(RecordParser.newFixed(Frame.SIZE, bytes -> {
        Frame request = Frame.readFrom(bytes, 0);
        if (!request.isRead()) return;
        Frame reply = answer.to(request, reads.incrementAndGet());
        if (reply != null) socket.write(reply.toBuffer());
      }));
    }).listen(0, "127.0.0.1").await();
    return server.actualPort();
  }

  private ElevatorDriver driver(Vertx vertx, int port) {
    ElevatorDriver driver = new ElevatorDriver(vertx, DriverConfig.of("127.0.0.1", port, 4));
    driver.setListener(events::add);
    driver.start().await();
    return driver;
  }

  @FunctionalInterface
  interface Answer {
    Frame to(Frame request, int readNumber);
  }
}
