package org.paternoster.system.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command and returns its exit code and combined output; never throws. */
public final class Shell {
  private Shell() {}

  public record Result(int code, String output) {
    public boolean ok() {
      return code == 0;
    }
  }

  public static Result run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + String.join(" ", cmd));
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }
}
