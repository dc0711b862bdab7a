package org.paternoster.dashboard.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code scripts/kill-primary.sh --view-service URL}: the demo's "kill the primary" button
 * does exactly what a person would do in a terminal (kill -9 of the primary's process on this
 * machine). The script runs on a worker thread, never on the event loop.
 */
final class PrimaryKiller {
  /** What the script printed and how it exited. */
  record Outcome(int exitCode, String output) {
    boolean killed() {
      return exitCode == 0;
    }
  }

  private static final long TIMEOUT_SECONDS = 15;
  private final Vertx vertx;
  private final Path script;

  PrimaryKiller(Vertx vertx, Path script) {
    this.vertx = vertx;
    this.script = script;
  }

  boolean available() {
    return script != null && Files.isExecutable(script);
  }

  Path script() {
    return script;
  }

  /** Fails only when the script cannot be run at all; a refusal by the script is an {@link Outcome}. */
  Future<Outcome> kill(String viewServiceUrl) {
    return vertx.executeBlocking(() -> run(List.of(script.toString(), "--view-service", viewServiceUrl)), false);
  }

  private static Outcome run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Outcome(-1, "the kill script did not finish within " + TIMEOUT_SECONDS + " s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return new Outcome(process.exitValue(), output);
  }
}
