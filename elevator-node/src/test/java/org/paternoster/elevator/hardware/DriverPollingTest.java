package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.elevator.hardware.HardwareEvent.ButtonPressed;

/**
 * How the driver's polls reach a server, over real TCP. The course's servers (its simulator, the
 * lab's hardware server) answer one request at a time with Nagle's algorithm on: a second read
 * sent before the first is answered leaves its reply waiting for the driver's delayed ACK (40 ms
 * a reply). So by default a read goes out only once the one before it is answered; the built-in
 * simulator, which answers a whole poll in one segment, is polled pipelined.
 */
@ExtendWith(VertxExtension.class)
class DriverPollingTest {
  private static final int FLOORS = 4;
  private final List<HardwareEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger mostOutstanding = new AtomicInteger();

  @Test
  void byDefaultEachReadWaitsForTheReplyToTheOneBefore(Vertx vertx) {
    ElevatorDriver driver = driver(vertx, DriverConfig.of("127.0.0.1", slowServer(vertx), FLOORS));
    int pollReads = new Poll(FLOORS).size();
    await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() >= 5 * pollReads);
    assertThat(events).contains(new ButtonPressed(Button.CAB, 2));
    assertThat(mostOutstanding.get()).isEqualTo(1);
    driver.close().await();
  }

  @Test
  void pipelinedPollsWriteEveryReadAtOnce(Vertx vertx) {
    ElevatorDriver driver = driver(vertx, DriverConfig.of("127.0.0.1", slowServer(vertx), FLOORS).withPipelinedPolls());
    int pollReads = new Poll(FLOORS).size();
    await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() >= 5 * pollReads);
    assertThat(events).contains(new ButtonPressed(Button.CAB, 2));
    assertThat(mostOutstanding.get()).isEqualTo(pollReads);
    driver.close().await();
  }

  /**
   * A server answering each read 2 ms after it arrives (as one slow to answer), counting the reads
   * it holds unanswered; the cab button at floor 2 is held down, the car stands at floor 1.
   */
  private int slowServer(Vertx vertx) {
    NetServer server = vertx.createNetServer().connectHandler(socket -> socket.handler(RecordParser.newFixed(Frame.SIZE, bytes -> {
      Frame request = Frame.readFrom(bytes, 0);
      if (!request.isRead()) return;
      reads.incrementAndGet();
      mostOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
      Frame reply = request.opcode() == Frame.READ_FLOOR ? Frame.floorReply(1)
          : Frame.reply(request.opcode(), request.equals(Frame.readButton(Button.CAB, 2)));
      vertx.setTimer(2, id -> {
        outstanding.decrementAndGet();
        socket.write(reply.toBuffer());
      });
    }))).listen(0, "127.0.0.1").await();
    return server.actualPort();
  }

  private ElevatorDriver driver(Vertx vertx, DriverConfig config) {
    ElevatorDriver driver = new ElevatorDriver(vertx, config);
    driver.setListener(events::add);
    driver.start().await();
    return driver;
  }
}
