package org.paternoster.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM running a main class on this test's classpath, its stdout and stderr in one log file
 * under {@code target/child-logs/}. For multi-process tests: SIGKILL, SIGSTOP/SIGCONT, waiting for
 * a log line. {@link #close()} kills it; so does a JVM shutdown hook for any child still alive, so
 * no test leaves processes behind. Use through {@link ChildProcesses} to close them after each test.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

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

  /** Starts {@code mainClass} with {@code args} in a new JVM with a small heap. */
  public static ChildProcess start(String name, String mainClass, List<String> args) {
    return startIn(List.of(), name, mainClass, args);
  }

  /**
   * As {@link #start(String, String, List)}, the command run through {@code prefix} (e.g.
   * {@code ip netns exec NS}, which execs, so the process held is still the JVM).
   */
  public static ChildProcess startIn(List<String> prefix, String name, String mainClass, List<String> args) {
    Path log = Path.of("target", "child-logs", name + "-" + System.currentTimeMillis() + ".log");
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dhazelcast.logging.type=slf4j", "-Dhazelcast.phone.home.enabled=false",
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      LIVE.add(process);
      return new ChildProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ChildProcess start(String name, Class<?> mainClass, String... args) {
    return start(name, mainClass.getName(), List.of(args));
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, then waits until the process is gone. */
  public void kill9() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LIVE.remove(process);
  }

  /** Freezes the process (SIGSTOP): it holds its sockets but answers nothing. */
  public void sigstop() {
    signal("STOP");
  }

  public void sigcont() {
    signal("CONT");
  }

  /**
   * Waits until a line of the log matches {@code regex}; fails early if the process exits.
   *
   * @return the match, for its groups
   */
  public Matcher awaitLogLine(String regex, Duration timeout) {
    Pattern pattern = Pattern.compile(regex);
    Matcher[] found = new Matcher[1];
    await("log line /" + regex + "/ of " + name + " (" + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(20))
        .until(() -> {
          found[0] = find(pattern);
          if (found[0] == null && !process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + " before logging /" + regex + "/:\n" + output());
          }
          return found[0] != null;
        });
    return found[0];
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public File logFile() {
    return log.toFile();
  }

  @Override
  public void close() {
    if (process.isAlive()) kill9();
    LIVE.remove(process);
  }

  private Matcher find(Pattern pattern) {
    for (String line : output().split("\n")) {
      Matcher m = pattern.matcher(line);
      if (m.find()) return m;
    }
    return null;
  }

  private void signal(String signal) {
    try {
      int code = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
      if (code != 0) throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + code);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
