package org.paternoster.testing.fuzz;

import java.nio.charset.StandardCharsets;

/** One generated request body and how it was made (for counting and for the failure message). */
public record FuzzInput(Kind kind, String how, byte[] body) {
  /** The families of hostile input; every one is invalid by construction (see {@link JsonInputs}). */
  public enum Kind { RANDOM_BYTES, RANDOM_JSON, DEEP_NESTING, MUTATED, WRONG_VIEW, TRUNCATED, OVERSIZED }

  /** A short, printable description: the kind, the mutation and the first bytes of the body. */
  public String describe() {
    String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    return kind + " " + how + " (" + body.length + " bytes): " + text;
  }
}
