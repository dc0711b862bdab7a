package org.paternoster.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.paternoster.elevator.hardware.Button;

/**
 * One car on the course's own simulator (TTK4145 Simulator-v2, {@code SimElevatorServer}), driven
 * as a student drives it: a button is a key on its standard input (held {@code btnDepressedTime_ms},
 * 200 ms), and the lamps are read from the display it prints whenever its state changes. A press
 * is timed from the key to the lamp command having reached the simulator: the chain a person at
 * the course's simulator sees, through its protocol and its timing.
 *
 * <p>The simulator talks to a terminal: its one question (the cursor position, {@code ESC[6n}) is
 * answered on stdin before anything else, and its stdout is made unbuffered with {@code stdbuf}
 * (into a pipe, C's stdio would hold each display until the next). It runs in an empty directory
 * so that no {@code simulator.con} changes its keys or symbols (the defaults below).
 *
 * <p>Buttons are numbered {@code code * floors + floor} by their protocol code ({@link Button}): 0 hall up, 1 hall down, 2 cab.
 */
final class CourseSimulatorPanel implements Panel, AutoCloseable {
  /** The simulator's default keys, indexed by floor: hall up from floor 0, hall down from floor 1, cab from floor 0. */
  private static final String[] KEYS = {"qwertyui?", "?sdfghjkl", "zxcvbnm,."};
  private static final String OBSTRUCTION_KEY = "-";
  private static final String MOTOR_STOP_KEY = "8"; // stops the motor as if commanded: the course's motor power loss
  private static final int FIRST_LAMP_COLUMN = 15; // column of floor 0's lamps; 4 columns per floor
  private static final long LIGHT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Process process;
  private final OutputStream keys;
  private final int floors;
  private final Deque<String> lastLines = new ArrayDeque<>(); // for the errors
  private final Path dir; // its working directory, empty
  private final Path log; // everything it printed
  /** Guarded by {@code this}: lamps as last displayed, when each last went from off to on, the car's floor (-1 between floors). */
  private final boolean[] lit;
  private final long[] litAtNanos;
  private int carFloor = -1;
  private boolean connected;
  private boolean ranOffTheEnd;
  private boolean doorLamp; // the door-open lamp
  private boolean doorLitAwayFromAFloor; // ever, at the end of a display: the door lamp on while the car was between floors
  private long displays;

  private CourseSimulatorPanel(Process process, int floors, Path dir, Path log) {
    this.process = process;
    this.dir = dir;
    this.log = log;
    this.keys = process.getOutputStream();
    this.floors = floors;
    this.lit = new boolean[3 * floors];
    this.litAtNanos = new long[3 * floors];
  }

  /**
   * Starts {@code binary} on {@code port} with {@code floors} floors (2..9) and a floor-to-floor
   * travel time of {@code travelMs} (the course's default is 2,000; lamps clear sooner when the car
   * is faster, and the chain measured does not depend on its speed), keeping what it prints in {@code log}.
   */
  static CourseSimulatorPanel start(Path binary, int port, int floors, int travelMs, Path log) throws IOException {
    if (floors < 2 || floors > 9) throw new IllegalArgumentException("the course's simulator has 2..9 floors, got " + floors);
    Path dir = Files.createTempDirectory("course-simulator");
    Process process = new ProcessBuilder("stdbuf", "-o0", binary.toAbsolutePath().toString(), "--port", "" + port,
        "--numfloors", "" + floors, "--travelTimeBetweenFloors_ms", "" + travelMs, "--travelTimePassingFloor_ms", "" + Math.max(1, travelMs / 4))
        .directory(dir.toFile()).redirectErrorStream(true).start();
    CourseSimulatorPanel panel = new CourseSimulatorPanel(process, floors, dir, log);
    panel.send("\033[20;1R"); // the answer to its cursor-position question
    Thread reader = new Thread(panel::readDisplays, "course-simulator-display");
    reader.setDaemon(true);
    reader.start();
    return panel;
  }

  /** Waits (up to 30 s) until a node has connected to the simulator. */
  synchronized void awaitConnected() throws InterruptedException {
    awaitUntil(() -> connected, TimeUnit.SECONDS.toNanos(30), "no node connected");
  }

  /**
   * Waits, holding this monitor between displays, until {@code done} (read under it), else fails
   * saying {@code what} after {@code timeoutNanos} or as soon as the simulator has exited.
   */
  private void awaitUntil(BooleanSupplier done, long timeoutNanos, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (!done.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.isAlive()) throw new IllegalStateException("the course's simulator: " + what + "; its last display: " + lastLines);
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
    }
  }

  @Override
  public synchronized int nextUnlit(int after) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (int k = 1; k <= lit.length; k++) {
        int button = (after + k) % lit.length;
        if (pressable(button)) return button;
      }
      TimeUnit.NANOSECONDS.timedWait(this, TimeUnit.MILLISECONDS.toNanos(100)); // woken by the next display
    }
    throw new IllegalStateException("the course's simulator: every lamp stays lit, or the car never stops at a floor; its last display: " + lastLines);
  }

  /**
   * Whether {@code button} is mounted, its lamp off, and its floor two or more from the car, which
   * stands at a floor (a call nearer may be served before its lamp is seen).
   */
  synchronized boolean pressable(int button) {
    return pressable(button, 2);
  }

  /** As {@link #pressable(int)}, with the floor at least {@code minDistance} from the car's. */
  synchronized boolean pressable(int button, int minDistance) {
    return exists(button) && !lit[button] && carFloor >= 0 && Math.abs(button % floors - carFloor) >= minDistance;
  }

  @Override
  public long pressUntilLit(int button) throws InterruptedException {
    forgetLit(button);
    long t0 = System.nanoTime();
    press(button);
    return microsUntilLit(button, t0);
  }

  /** Presses {@code button}: its key on the simulator's stdin (the simulator holds it 200 ms). */
  void press(int button) {
    send(String.valueOf(KEYS[button / floors].charAt(button % floors)));
  }

  /** Forgets when {@code button}'s lamp last lit, so that {@link #microsUntilLit} waits for its next lighting. */
  synchronized void forgetLit(int button) {
    litAtNanos[button] = 0;
  }

  /**
   * Waits (up to 5 s from {@code sinceNanos}) until {@code button}'s lamp has lit since {@link
   * #forgetLit}, and returns the microseconds from {@code sinceNanos} to the display that showed it.
   */
  synchronized long microsUntilLit(int button, long sinceNanos) throws InterruptedException {
    awaitUntil(() -> litAtNanos[button] != 0, LIGHT_TIMEOUT_NANOS - (System.nanoTime() - sinceNanos), "no lamp for button " + button + " within 5 s");
    return (litAtNanos[button] - sinceNanos) / 1_000;
  }

  /** Whether {@code button} is mounted: no hall up at the top floor, no hall down at the bottom. */
  private boolean exists(int button) {
    return Button.fromCode(button / floors).existsAt(button % floors, floors);
  }

  /** Whether {@code button}'s lamp was on in the last display. */
  synchronized boolean lit(int button) {
    return lit[button];
  }

  private void send(String text) {
    try {
      keys.write(text.getBytes(StandardCharsets.US_ASCII));
      keys.flush();
    } catch (IOException e) {
      throw new IllegalStateException("the course's simulator stopped reading its keys", e);
    }
  }

  /**
   * On its own thread: parses each display. Rows, as the simulator draws them: the car ({@code #}
   * at column 15 + 4·floor when at a floor), the floor indicator and connection, then the hall up,
   * hall down and cab lamps ({@code *} on, {@code -} off) at column 15 + 4·floor, the door lamp
   * third from the end of the hall-up row; the cab row ends a display.
   */
  private void readDisplays() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        Writer kept = Files.newBufferedWriter(log)) {
      String line;
      while ((line = out.readLine()) != null) {
        long now = System.nanoTime();
        kept.write(line);
        kept.write('\n');
        if (line.startsWith("+-----------+-----") && line.endsWith("+")) kept.flush(); // a display's last line
        synchronized (this) {
          if (lastLines.size() == 20) lastLines.removeFirst();
          lastLines.addLast(line);
          if (line.contains("departed the bottom floor") || line.contains("departed the top floor")) ranOffTheEnd = true;
          if (line.startsWith("|           |")) carFloor = carFloor(line);
          else if (line.startsWith("| Floor")) connected = line.contains("Connected");
          else if (line.startsWith("| Hall Up")) {
            lamps(0, line, now);
            doorLamp = line.length() >= 3 && line.charAt(line.length() - 3) == '*'; // "| Door:  * |"
          }
          else if (line.startsWith("| Hall Down")) lamps(1, line, now);
          else if (line.startsWith("| Cab")) {
            lamps(2, line, now);
            if (doorLamp && carFloor < 0) doorLitAwayFromAFloor = true;
            displays++;
            notifyAll();
          }
        }
      }
    } catch (IOException e) {
      // the simulator was stopped
    }
  }

  private int carFloor(String line) {
    int at = line.indexOf('#');
    return at >= FIRST_LAMP_COLUMN && (at - FIRST_LAMP_COLUMN) % 4 == 0 ? (at - FIRST_LAMP_COLUMN) / 4 : -1;
  }

  private void lamps(int type, String line, long now) {
    for (int floor = 0; floor < floors; floor++) {
      int column = FIRST_LAMP_COLUMN + 4 * floor;
      int button = type * floors + floor;
      boolean on = column < line.length() && line.charAt(column) == '*';
      if (on && !lit[button]) litAtNanos[button] = now;
      lit[button] = on;
    }
  }

  /** Waits (up to {@code seconds}) until {@code button}'s lamp is off, as when its call was served. */
  synchronized void awaitUnlit(int button, int seconds) throws InterruptedException {
    awaitUntil(() -> !lit[button], TimeUnit.SECONDS.toNanos(seconds), "the lamp of button " + button + " stays lit");
  }

  /** The car's floor as last displayed, -1 between floors. */
  synchronized int carFloor() {
    return carFloor;
  }

  /** Whether the car ever left the shaft past the bottom or top floor (the simulator says so). */
  synchronized boolean ranOffTheEnd() {
    return ranOffTheEnd;
  }

  /** Whether the door-open lamp was on in the last display. */
  synchronized boolean doorOpen() {
    return doorLamp;
  }

  /** Whether any display showed the door-open lamp on while the car was between floors (it must never be). */
  synchronized boolean doorLitAwayFromAFloor() {
    return doorLitAwayFromAFloor;
  }

  /** Waits (up to {@code seconds}) until the door-open lamp is {@code open}. */
  synchronized void awaitDoor(boolean open, int seconds) throws InterruptedException {
    awaitUntil(() -> doorLamp == open, TimeUnit.SECONDS.toNanos(seconds), "the door lamp never " + (open ? "came on" : "went off"));
  }

  /** Stops the motor under the controller (its key): the controller still believes it runs. */
  void stopMotor() {
    send(MOTOR_STOP_KEY);
  }

  /** Waits (up to {@code seconds}) until the car is between floors. */
  synchronized void awaitBetweenFloors(int seconds) throws InterruptedException {
    awaitUntil(() -> carFloor < 0, TimeUnit.SECONDS.toNanos(seconds), "the car never left its floor");
  }

  /** Flips the obstruction switch (its key; the simulator shows {@code v} while obstructed). */
  void toggleObstruction() {
    send(OBSTRUCTION_KEY);
  }

  /** The number of {@code type}'s button at {@code floor}. */
  int button(Button type, int floor) {
    return type.code() * floors + floor;
  }

  /** How many displays it has printed: each is a change of its state (a lamp, the car, a button). */
  synchronized long displays() {
    return displays;
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
      Files.deleteIfExists(dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // an empty directory left in the temporary directory
    }
  }
}
