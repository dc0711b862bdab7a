package org.paternoster.bench;

import java.util.Random;

/**
 * A car's button panel as the light-latency benchmarks drive it: press a button whose lamp is off
 * and time it until its lamp is seen lit. A button is a number the panel defines (a cab floor on
 * {@link NodePanel}; any hall or cab button on {@link CourseSimulatorPanel}). Blocking calls, so
 * never on an event loop.
 */
interface Panel {
  /** The longest pause before a press, in ms. */
  int MAX_PAUSE_MS = 50;

  /**
   * A button after {@code after} whose lamp is off, never at the car's floor or its neighbours (a
   * call there may be served before its lamp is seen); waits for one when every lamp is lit.
   */
  int nextUnlit(int after) throws InterruptedException;

  /** Presses {@code button}, whose lamp is off, and returns the microseconds until its lamp is seen on. */
  long pressUntilLit(int button) throws InterruptedException;

  /**
   * {@link #pressUntilLit} after a random pause of 0–{@value #MAX_PAUSE_MS} ms: a person presses at
   * any moment, not right after the last lamp lit (which would land just after the driver's poll
   * and wait a full poll period every time).
   */
  default long pressAfterPauseUntilLit(int button, Random pauses) throws InterruptedException {
    Thread.sleep(pauses.nextInt(MAX_PAUSE_MS + 1));
    return pressUntilLit(button);
  }
}
