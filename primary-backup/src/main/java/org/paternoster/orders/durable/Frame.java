package org.paternoster.orders.durable;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One checksummed line, the unit of both files: {@code <crc> <json>\n} where {@code <crc>} is
 * exactly 8 lowercase hex digits of the CRC32C of the UTF-8 bytes of {@code <json>}, and {@code
 * <json>} is one compact JSON object (compact JSON never contains a raw newline). A line that was
 * torn by a crash or damaged on disk fails {@link #decode} instead of yielding wrong data.
 */
final class Frame {
  private static final int CRC_CHARS = 8;

  private Frame() {}

  /** The line for {@code payload}, newline included. */
  static byte[] encode(JsonObject payload) {
    byte[] json = payload.encode().getBytes(StandardCharsets.UTF_8);
    String crc = String.format("%08x", crc(json, 0, json.length));
    byte[] line = new byte[CRC_CHARS + 1 + json.length + 1];
    System.arraycopy(crc.getBytes(StandardCharsets.US_ASCII), 0, line, 0, CRC_CHARS);
    line[CRC_CHARS] = ' ';
    System.arraycopy(json, 0, line, CRC_CHARS + 1, json.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /**
   * The payload of {@code line} (without its newline), or throws {@link BadFrame} saying why: wrong
   * shape, checksum mismatch, or not a JSON object.
   */
  static JsonObject decode(byte[] line, int length) throws BadFrame {
    if (length < CRC_CHARS + 3 || line[CRC_CHARS] != ' ') throw new BadFrame("malformed line");
    long expected;
    try {
      expected = Long.parseLong(new String(line, 0, CRC_CHARS, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      throw new BadFrame("malformed checksum");
    }
    int from = CRC_CHARS + 1;
    if (crc(line, from, length - from) != expected) throw new BadFrame("checksum mismatch");
    try {
      return new JsonObject(new String(line, from, length - from, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new BadFrame("checksum ok but not a JSON object: " + e.getMessage());
    }
  }

  private static long crc(byte[] bytes, int from, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, length);
    return crc.getValue();
  }

  /** A line that is not an intact frame. */
  static final class BadFrame extends Exception {
    BadFrame(String reason) {
      super(reason, null, false, false);
    }
  }
}
