package org.paternoster.assign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program once: optional text on its stdin, its stdout as text, all within a deadline.
 * Blocks the calling thread; pipe I/O happens on a short-lived daemon thread so that a program
 * that neither reads nor writes cannot hold the caller past the deadline. On return or failure
 * the program and its descendants are gone (killed if still running); stderr is discarded.
 */
final class ProgramRun {
  static final int MAX_OUTPUT_BYTES = 1 << 20;

  private ProgramRun() {}

  /**
   * @param stdin written then closed; {@code null} closes stdin at once
   * @throws TimeoutException when the program has not exited by {@code timeout}
   * @throws IOException when it cannot start, exits non-zero, or prints more than 1 MiB
   */
  static String run(List<String> argv, String stdin, Duration timeout)
      throws IOException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      FutureTask<String> io = new FutureTask<>(() -> exchange(process, stdin));
      Thread thread = new Thread(io, "assigner-io");
      thread.setDaemon(true);
      thread.start();
      String out = io.get(remaining(deadline), TimeUnit.NANOSECONDS);
      if (!process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) throw new TimeoutException();
      if (process.exitValue() != 0) throw new IOException("exit status " + process.exitValue());
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static String exchange(Process process, String stdin) throws IOException {
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream from = process.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = from.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_OUTPUT_BYTES) throw new IOException("output larger than " + MAX_OUTPUT_BYTES + " bytes");
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
