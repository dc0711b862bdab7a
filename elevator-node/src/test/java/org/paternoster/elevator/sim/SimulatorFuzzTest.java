package org.paternoster.elevator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.vertx.core.json.JsonObject;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.hardware.Frame;
import org.paternoster.testing.fuzz.FrameInputs;
import org.paternoster.testing.fuzz.FuzzReport;
import org.paternoster.testing.fuzz.FuzzTarget;
import org.paternoster.testing.fuzz.HttpFuzzer;
import org.paternoster.time.MonotonicClock;

/**
 * Hostile input to the simulator, both its HTTP controls (the same handlers an elevator node in
 * simulation mode mounts) and the 4-byte elevator-server protocol over a real TCP socket.
 */
@ExtendWith(VertxExtension.class)
class SimulatorFuzzTest {
  static final int FLOORS = 4;
  static final int START_FLOOR = 2;
  EmbeddedSimulator sim;

  @BeforeEach
  void start(Vertx vertx) {
    SimulatorConfig config = SimulatorConfig.defaults(FLOORS, 1).withStartFloor(START_FLOOR);
    sim = EmbeddedSimulator.start(vertx, config, "127.0.0.1", 0, 0, new MonotonicClock()).await();
  }

  @Test
  void hostileButtonPressesAndFaultsAreRefusedAndChangeNothing(Vertx vertx) {
    WebClient web = WebClient.create(vertx);
    String url = "http://127.0.0.1:" + sim.httpPort();
    HttpFuzzer fuzzer = new HttpFuzzer(web, url, () -> sim.state().await().toJson());
    FuzzReport report = fuzzer.run(FuzzTarget.of("/buttons", SimulatorHttp.BODY_LIMIT_BYTES,
        new JsonObject("{\"type\":\"cab\",\"floor\":1}"), new JsonObject("{\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}")), 14, 300);
    report.add(fuzzer.run(FuzzTarget.of("/faults", SimulatorHttp.BODY_LIMIT_BYTES,
        new JsonObject("{\"obstruction\":true}"), new JsonObject("{\"motor\":\"cut\"}"), new JsonObject("{\"stop\":true}")), 15, 300));

    assertThat(report.failures()).isEmpty();
    assertThat(report.clean()).as(report.toString()).isTrue();
    assertThat(report.status4xx()).isEqualTo(600);
    assertThat(web.postAbs(url + "/faults").sendJsonObject(new JsonObject().put("obstruction", true)).await().statusCode()).isEqualTo(200);
    assertThat(sim.state().await().obstruction()).isTrue();
  }

  /**
   * Frames the server must ignore (unknown opcode, motor byte, button or floor) mixed with valid
   * reads, cut into random TCP writes: every ignored frame is counted and changes nothing, every
   * read is answered in order, and the connection still answers a floor read correctly.
   */
  @Test
  void badFramesSplitAcrossWritesAreIgnoredAndReadsStillAnswered() throws IOException {
    Random random = new Random(14);
    JsonObject before = sim.state().await().toJson();
    long ignoredBefore = sim.stats().await().ignored();
    int ignored = 0;
    int reads = 0;
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      for (int round = 0; round < 40; round++) {
        List<byte[]> frames = new ArrayList<>();
        List<Integer> readOpcodes = new ArrayList<>();
        while (frames.size() < 30) {
          byte[] frame = random.nextBoolean() ? FrameInputs.randomFrame(random) : FrameInputs.mutated(random, Frame.readButton(Button.CAB, 1).toBuffer().getBytes());
          Frame f = Frame.readFrom(io.vertx.core.buffer.Buffer.buffer(frame), 0);
          if (isIgnored(f)) {
            ignored++;
          } else if (f.isRead()) {
            readOpcodes.add(f.opcode());
          } else {
            continue; // a valid write would change the car: not hostile, not sent
          }
          frames.add(frame);
        }
        frames.add(Frame.readFloor().toBuffer().getBytes());
        readOpcodes.add(Frame.READ_FLOOR);
        for (byte[] piece : FrameInputs.split(random, FrameInputs.concat(frames))) {
          out.write(piece);
          out.flush();
        }
        byte[] reply = new byte[4];
        for (int opcode : readOpcodes) {
          in.readFully(reply);
          assertThat(reply[0] & 0xff).as("replies come back in order").isEqualTo(opcode);
        }
        reads += readOpcodes.size();
        assertThat(reply).as("the last reply: at floor %d", START_FLOOR).containsExactly(7, 1, START_FLOOR, 0);
      }
    }
    assertThat(ignored).isGreaterThan(500);
    assertThat(reads).isGreaterThan(40);
    assertThat(sim.stats().await().ignored() - ignoredBefore).isEqualTo(ignored);
    assertThat(sim.state().await().toJson()).isEqualTo(before);
  }

  /**
   * The protocol has no frame marker, so a truncated frame shifts every later frame of its
   * connection: there is no resynchronising inside a stream. The cure is a new connection, and
   * the server serves it cleanly (the driver resets its connection on any reply it cannot match).
   */
  @Test
  void aTruncatedFrameThenANewConnectionIsServedCleanly() throws IOException {
    Random random = new Random(15);
    for (int round = 0; round < 20; round++) {
      try (Socket cut = new Socket("127.0.0.1", sim.port())) {
        cut.getOutputStream().write(FrameInputs.truncated(random, Frame.readFloor().toBuffer().getBytes()));
        cut.getOutputStream().flush();
      }
      try (Socket fresh = new Socket("127.0.0.1", sim.port())) {
        fresh.setSoTimeout(5_000);
        fresh.getOutputStream().write(Frame.readFloor().toBuffer().getBytes());
        byte[] reply = new byte[4];
        new DataInputStream(fresh.getInputStream()).readFully(reply);
        assertThat(reply).containsExactly(7, 1, START_FLOOR, 0);
      }
    }
  }

  /** The protocol's rules, written out independently of {@link SimulatorProtocol}. */
  static boolean isIgnored(Frame f) {
    return switch (f.opcode()) {
      case Frame.MOTOR -> f.a() != 0 && f.a() != 1 && f.a() != 0xFF;
      case Frame.BUTTON_LAMP, Frame.READ_BUTTON -> f.a() > 2 || f.b() >= FLOORS;
      case Frame.FLOOR_INDICATOR -> f.a() >= FLOORS;
      case Frame.RELOAD, Frame.DOOR_LAMP, Frame.STOP_LAMP, Frame.READ_FLOOR, Frame.READ_STOP, Frame.READ_OBSTRUCTION -> false;
      default -> true;
    };
  }
}
