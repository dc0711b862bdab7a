package org.paternoster.assign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an assigner program written for the course ({@code --assigner-cmd "PROGRAM ARGS"}): it is
 * started once per {@link #assign}, given the {@link CourseJson} request either as the last two
 * arguments {@code --input JSON} (the convention of the course's {@code hall_request_assigner})
 * or on stdin, and must print the answer on stdout and exit 0 within the timeout.
 *
 * <p>Any failure (cannot start, timeout, non-zero exit, an answer that {@link
 * CourseJson#parseAnswer} rejects) logs one line and returns the fallback's assignment instead,
 * so the {@link Assigner} contract holds whatever the program does. With no available car or no
 * hall call the answer is forced and no program runs.
 *
 * <p><b>Blocks</b> for up to the timeout: the primary calls it through {@code
 * vertx.executeBlocking}, never on an event loop ({@link #mayBlock()} is true). Thread-safe.
 */
public final class ExternalAssigner implements Assigner {
  /** How the request reaches the program. */
  public enum InputMode {
    /** Appended as {@code --input JSON}. */
    ARGUMENT,
    /** Written to stdin, which is then closed. */
    STDIN
  }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(ExternalAssigner.class);

  private final List<String> command;
  private final InputMode mode;
  private final Duration timeout;
  private final Assigner fallback;

  public ExternalAssigner(List<String> command, InputMode mode, Duration timeout, Assigner fallback) {
    if (command.isEmpty()) throw new IllegalArgumentException("empty assigner command");
    if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    this.command = List.copyOf(command);
    this.mode = Objects.requireNonNull(mode, "mode");
    this.timeout = timeout;
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** {@code commandLine} split by {@link ShellWords}, input as argument, default timeout, {@link TimeToIdleAssigner} fallback. */
  public static ExternalAssigner of(String commandLine) {
    return new ExternalAssigner(ShellWords.split(commandLine), InputMode.ARGUMENT, DEFAULT_TIMEOUT, new TimeToIdleAssigner());
  }

  @Override
  public Assignment assign(Building building, Set<HallCall> hallCalls, List<ElevatorState> elevators) {
    AssignmentProblem problem = new AssignmentProblem(building, hallCalls, elevators);
    if (problem.available().isEmpty() || problem.hallCalls().isEmpty()) {
      return Assignment.none(problem.available().stream().map(ElevatorState::id).toList());
    }
    try {
      return CourseJson.parseAnswer(ask(CourseJson.request(problem).encode()), problem);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("external assigner {} interrupted; using the built-in assigner", command);
    } catch (TimeoutException e) {
      LOG.warn("external assigner {} timed out after {} ms; using the built-in assigner", command, timeout.toMillis());
    } catch (Exception e) {
      LOG.warn("external assigner {} failed ({}); using the built-in assigner", command, e.getMessage());
    }
    return fallback.assign(building, hallCalls, elevators);
  }

  @Override
  public boolean mayBlock() {
    return true;
  }

  private String ask(String request) throws Exception {
    if (mode == InputMode.STDIN) return ProgramRun.run(command, request, timeout);
    List<String> argv = new ArrayList<>(command);
    argv.add("--input");
    argv.add(request);
    return ProgramRun.run(argv, null, timeout);
  }
}
