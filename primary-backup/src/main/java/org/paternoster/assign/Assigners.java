package org.paternoster.assign;

import java.time.Duration;

/** Builds the primary's assigner from its command line. */
public final class Assigners {
  /** The course's reference assigner (the default until Paternoster's dispatcher could park and hold). */
  public static final String TIME_TO_IDLE = "time-to-idle";

  private Assigners() {}

  /**
   * The built-in {@link TimeToIdleAssigner} when {@code assignerCmd} is null or blank, else an
   * {@link ExternalAssigner} running it (input as {@code --input JSON}, 500 ms timeout) that falls
   * back to the built-in one. Throws {@link IllegalArgumentException} for an unterminated quote.
   */
  public static Assigner fromCommandLine(String assignerCmd) {
    return fromCommandLine(assignerCmd, ExternalAssigner.InputMode.ARGUMENT, ExternalAssigner.DEFAULT_TIMEOUT);
  }

  /**
   * The names {@code --dispatcher} accepts, the default first: Paternoster's dispatcher, which
   * waits less than time-to-idle in every scenario of the traffic benchmark as it runs live
   * (docs/DISPATCH.md, "In the product").
   */
  public static final java.util.List<String> DISPATCHERS = java.util.List.of(GroupDispatchAssigner.NAME, TIME_TO_IDLE);

  /**
   * The primary's assigner: the dispatcher {@code name} ({@link #DISPATCHERS}; null for the
   * default), or, with {@code assignerCmd}, that external program falling back to it.
   * {@code clockMs}: monotonic milliseconds, for a dispatcher that learns over time.
   * Throws {@link IllegalArgumentException} for an unknown name or an unterminated quote.
   */
  public static Assigner of(String name, String assignerCmd, java.util.function.LongSupplier clockMs) {
    String chosen = name == null ? DISPATCHERS.get(0) : name;
    Assigner builtIn = switch (chosen) {
      case TIME_TO_IDLE -> new TimeToIdleAssigner();
      case GroupDispatchAssigner.NAME -> GroupDispatchAssigner.paternoster(clockMs);
      default -> throw new IllegalArgumentException("unknown dispatcher " + chosen + "; one of " + DISPATCHERS);
    };
    return withCommand(builtIn, assignerCmd, ExternalAssigner.InputMode.ARGUMENT, ExternalAssigner.DEFAULT_TIMEOUT);
  }

  /** As {@link #fromCommandLine(String)}, with the external program's input mode and timeout. */
  public static Assigner fromCommandLine(String assignerCmd, ExternalAssigner.InputMode mode, Duration timeout) {
    return withCommand(new TimeToIdleAssigner(), assignerCmd, mode, timeout);
  }

  /** {@code builtIn} alone, or the external program {@code assignerCmd} falling back to it. */
  private static Assigner withCommand(Assigner builtIn, String assignerCmd, ExternalAssigner.InputMode mode, Duration timeout) {
    if (assignerCmd == null || assignerCmd.isBlank()) return builtIn;
    return new ExternalAssigner(ShellWords.split(assignerCmd), mode, timeout, builtIn);
  }
}
