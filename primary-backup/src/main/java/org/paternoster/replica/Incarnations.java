package org.paternoster.replica;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Process incarnations (invariant 8): 64 random bits, so two starts of one replica never share one. */
public final class Incarnations {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Incarnations() {}

  public static String next() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
