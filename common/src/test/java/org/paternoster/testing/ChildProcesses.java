package org.paternoster.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paternoster.process.ChildProcess;

/**
 * Starts {@link ChildProcess}es and kills every one still running after each test:
 * {@code @RegisterExtension final ChildProcesses children = new ChildProcesses();}.
 * A child that is frozen (SIGSTOP) is killed too.
 */
public final class ChildProcesses implements AfterEachCallback {
  private final List<ChildProcess> started = new ArrayList<>();

  public synchronized ChildProcess start(String name, Class<?> mainClass, String... args) {
    ChildProcess child = ChildProcess.start(name, mainClass, args);
    started.add(child);
    return child;
  }

  public synchronized ChildProcess start(String name, String mainClass, List<String> args) {
    ChildProcess child = ChildProcess.start(name, mainClass, args);
    started.add(child);
    return child;
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    started.forEach(ChildProcess::close);
    started.clear();
  }
}
