package org.paternoster.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a command line prints on standard error during one test (its usage message, say):
 * {@code @RegisterExtension final CapturedStderr err = new CapturedStderr();}, then {@link #text()}.
 * Standard error is put back after each test.
 */
public final class CapturedStderr implements BeforeEachCallback, AfterEachCallback {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream saved;

  @Override
  public void beforeEach(ExtensionContext context) {
    saved = System.err;
    System.setErr(new PrintStream(captured, true));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setErr(saved);
  }

  /** Everything printed on standard error since the test began. */
  public String text() {
    return captured.toString();
  }
}
