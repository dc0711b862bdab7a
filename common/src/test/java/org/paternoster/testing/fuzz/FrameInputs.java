package org.paternoster.testing.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile byte streams for a protocol of fixed-size frames (the elevator server's 4 bytes): random
 * frames, valid frames with one byte changed, frames cut short, and a stream split at random
 * points into separate TCP writes. Seeded, like {@link JsonInputs}.
 */
public final class FrameInputs {
  public static final int SIZE = 4;

  private FrameInputs() {}

  public static byte[] randomFrame(Random random) {
    byte[] frame = new byte[SIZE];
    random.nextBytes(frame);
    // most random opcodes are unknown; bias half of them into the protocol's 0..10
    if (random.nextBoolean()) frame[0] = (byte) random.nextInt(11);
    return frame;
  }

  /** {@code valid} with one byte replaced by another value. */
  public static byte[] mutated(Random random, byte[] valid) {
    byte[] frame = Arrays.copyOf(valid, SIZE);
    int at = random.nextInt(SIZE);
    frame[at] = (byte) (frame[at] + 1 + random.nextInt(255));
    return frame;
  }

  /** The first 1..3 bytes of {@code frame}. */
  public static byte[] truncated(Random random, byte[] frame) {
    return Arrays.copyOf(frame, 1 + random.nextInt(SIZE - 1));
  }

  /** {@code stream} cut at random points into 1..n pieces, each to be written on its own. */
  public static List<byte[]> split(Random random, byte[] stream) {
    List<byte[]> pieces = new ArrayList<>();
    int from = 0;
    while (from < stream.length) {
      int to = Math.min(stream.length, from + 1 + random.nextInt(SIZE * 2));
      pieces.add(Arrays.copyOfRange(stream, from, to));
      from = to;
    }
    return pieces;
  }

  public static byte[] concat(List<byte[]> frames) {
    byte[] out = new byte[frames.stream().mapToInt(f -> f.length).sum()];
    int at = 0;
    for (byte[] f : frames) {
      System.arraycopy(f, 0, out, at, f.length);
      at += f.length;
    }
    return out;
  }
}
