package org.paternoster.assign;

import java.time.Duration;

/** Builds the primary's assigner from its command line. */
public final class Assigners {
  private Assigners() {}

  /**
   * The built-in {@link TimeToIdleAssigner} when {@code assignerCmd} is null or blank, else an
   * {@link ExternalAssigner} running it (input as {@code --input JSON}, 500 ms timeout) that falls
   * back to the built-in one. Throws {@link IllegalArgumentException} for an unterminated quote.
   */
  public static Assigner fromCommandLine(String assignerCmd) {
    return fromCommandLine(assignerCmd, ExternalAssigner.InputMode.ARGUMENT, ExternalAssigner.DEFAULT_TIMEOUT);
  }

  /** As {@link #fromCommandLine(String)}, with the external program's input mode and timeout. */
  public static Assigner fromCommandLine(String assignerCmd, ExternalAssigner.InputMode mode, Duration timeout) {
    TimeToIdleAssigner builtIn = new TimeToIdleAssigner();
    if (assignerCmd == null || assignerCmd.isBlank()) return builtIn;
    return new ExternalAssigner(ShellWords.split(assignerCmd), mode, timeout, builtIn);
  }
}
