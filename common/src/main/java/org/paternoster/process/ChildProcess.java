package org.paternoster.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one launcher of Paternoster processes for tests, benchmarks and chaos runs: a child JVM
 * running a main class on this JVM's classpath ({@link #java}), or a command such as a script of
 * {@code scripts/} ({@link #command}; the scripts exec their JVM, so the process held here is the
 * JVM that {@link #kill9} and {@link #sigstop} hit). Its stdout and stderr go to one log file.
 *
 * <p>{@link #close()} kills it; a JVM shutdown hook kills every child still alive, so a test or a
 * benchmark never leaves processes behind, even when it fails. Thread-safe: a fault injector and
 * a shutdown hook may signal the same child.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Duration LOG_POLL = Duration.ofMillis(20);

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "child-process-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** A new JVM with a small heap running {@code mainClass} with {@code args}, on this JVM's classpath. */
  public static Launch java(String mainClass, List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dhazelcast.logging.type=slf4j", "-Dhazelcast.phone.home.enabled=false",
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return new Launch(command);
  }

  /** Any program with its arguments, typically {@code ROOT/scripts/NAME.sh ARGS}. */
  public static Launch command(List<String> command) {
    return new Launch(command);
  }

  /** {@code java(mainClass, args).start(name)}: a log of its own under {@code target/child-logs/}. */
  public static ChildProcess start(String name, String mainClass, List<String> args) {
    return java(mainClass, args).start(name);
  }

  public static ChildProcess start(String name, Class<?> mainClass, String... args) {
    return start(name, mainClass.getName(), List.of(args));
  }

  /** What to start and how; {@link #start} starts it. */
  public static final class Launch {
    private final List<String> command;
    private final List<String> prefix = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> envDefaults = new LinkedHashMap<>();
    private Path log;

    private Launch(List<String> command) {
      this.command = List.copyOf(command);
    }

    /**
     * Runs the command through {@code prefix}, e.g. {@code ip netns exec NS}; the prefix must exec
     * the command, so that the process held is still the command's.
     */
    public Launch inside(List<String> prefix) {
      this.prefix.addAll(prefix);
      return this;
    }

    public Launch env(String key, String value) {
      env.put(key, value);
      return this;
    }

    /** Sets {@code key} unless this JVM's environment already has it (a user's {@code JAVA_OPTS}). */
    public Launch envDefault(String key, String value) {
      envDefaults.put(key, value);
      return this;
    }

    /**
     * Appends the output to {@code file}, after a line {@code ---- starting COMMAND}, so one file
     * can hold a process's lives across restarts. Without this, each start gets a fresh file
     * {@code target/child-logs/NAME-MILLIS.log}.
     */
    public Launch log(Path file) {
      this.log = file;
      return this;
    }

    public List<String> commandLine() {
      List<String> all = new ArrayList<>(prefix);
      all.addAll(command);
      return all;
    }

    /** Starts the process; {@code name} is for messages and for the default log file's name. */
    public ChildProcess start(String name) {
      List<String> cmd = commandLine();
      Path file = log != null ? log : Path.of("target", "child-logs", name + "-" + System.currentTimeMillis() + ".log");
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (log != null) {
          Files.writeString(file, "---- starting " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()));
        envDefaults.forEach(pb.environment()::putIfAbsent);
        pb.environment().putAll(env);
        Process process = pb.start();
        LIVE.add(process);
        return new ChildProcess(name, process, file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", cmd), e);
      }
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code once it has exited, empty while it runs. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /** Blocks until the process exits on its own; returns its exit code. */
  public int waitForExit() throws InterruptedException {
    int code = process.waitFor();
    LIVE.remove(process);
    return code;
  }

  /** SIGKILL (also of a frozen process), then waits until the process is gone. Idempotent. */
  public void kill9() {
    process.destroyForcibly();
    awaitGone();
  }

  /**
   * SIGTERM, so that the process can stop what it started (a {@code demo.sh} stops its children);
   * after {@code grace}, SIGKILL of it and of every process it had started by the time of the SIGTERM.
   */
  public void terminate(Duration grace) {
    List<ProcessHandle> started = process.descendants().toList(); // taken now: orphans are no longer descendants
    process.destroy();
    try {
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    started.forEach(ProcessHandle::destroyForcibly);
    awaitGone();
  }

  /** Freezes the process (SIGSTOP): it holds its sockets but answers nothing. No-op once it has exited. */
  public void sigstop() {
    signal("STOP");
  }

  /** Resumes a frozen process (SIGCONT). No-op once it has exited. */
  public void sigcont() {
    signal("CONT");
  }

  /**
   * Waits until a line of the log matches {@code regex}; fails early if the process exits first.
   *
   * @return the first matching line's match, for its groups
   * @throws IllegalStateException on timeout or exit, with the log
   */
  public Matcher awaitLogLine(String regex, Duration timeout) {
    Pattern pattern = Pattern.compile(regex);
    String line = awaitLine("/" + regex + "/", l -> pattern.matcher(l).find(), timeout);
    Matcher m = pattern.matcher(line);
    m.find();
    return m;
  }

  /**
   * Waits until a complete line of the log satisfies {@code test} (polling the file every 20 ms);
   * fails early if the process exits first.
   *
   * @return the first such line
   */
  public String awaitLine(String what, Predicate<String> test, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean alive = process.isAlive(); // before reading: a line written just before exit is still seen
      Optional<String> found = lines().stream().filter(test).findFirst();
      if (found.isPresent()) return found.get();
      if (!alive) throw new IllegalStateException(name + " exited with " + process.exitValue() + " before logging " + what + ":\n" + output());
      if (System.nanoTime() > deadline) throw new IllegalStateException(name + " did not log " + what + " within " + timeout + " (" + log + "):\n" + output());
      try {
        Thread.sleep(LOG_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + name + " to log " + what, e);
      }
    }
  }

  /** The complete lines (ended by a newline) the process printed so far. */
  public List<String> lines() {
    String out = output();
    int end = out.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(out.substring(0, end).split("\n", -1));
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path logFile() {
    return log;
  }

  /** Kills the process if it still runs (SIGKILL). Idempotent. */
  @Override
  public void close() {
    if (process.isAlive()) kill9();
    LIVE.remove(process);
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  private void awaitGone() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LIVE.remove(process);
  }

  private void signal(String signal) {
    if (!process.isAlive()) return;
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
      String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      int code = kill.waitFor();
      if (code != 0 && process.isAlive()) throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + code + ": " + out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
