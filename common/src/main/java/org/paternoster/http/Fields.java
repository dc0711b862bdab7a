package org.paternoster.http;

import io.vertx.core.json.JsonObject;

/**
 * Strict readers for JSON request fields. Each throws {@link BadRequest} with a message naming
 * the field, so every endpoint rejects wrong types, missing fields and out-of-range values the
 * same way. Numbers must be JSON integers (1.0 and "1" are refused).
 */
public final class Fields {
  /** The longest identity of a server, elevator or request. */
  private static final int ID_MAX_LENGTH = 64;

  /**
   * Whether {@code value} is an identity of a server, elevator or request: 1-64 of
   * [A-Za-z0-9._-]. A loop, not a regular expression: every order carries one, read once by the
   * primary and once per forward by the backup, and a {@code Matcher} per read was 15 % of a
   * loaded backup's allocations.
   */
  public static boolean isId(String value) {
    if (value == null || value.isEmpty() || value.length() > ID_MAX_LENGTH) return false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (!ok) return false;
    }
    return true;
  }

  private Fields() {}

  public static String id(JsonObject body, String field) {
    String value = string(body, field);
    if (!isId(value)) {
      throw new BadRequest(field + " must be 1-64 characters of [A-Za-z0-9._-]");
    }
    return value;
  }

  public static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) throw new BadRequest("missing field: " + field);
    if (!(value instanceof String s)) throw new BadRequest(field + " must be a string");
    return s;
  }

  /** An optional string; null when absent or JSON null. */
  public static String optionalString(JsonObject body, String field, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) return null;
    if (!(value instanceof String s)) throw new BadRequest(field + " must be a string");
    if (s.length() > maxLength) throw new BadRequest(field + " is longer than " + maxLength);
    return s;
  }

  public static long integer(JsonObject body, String field, long min, long max) {
    Object value = body.getValue(field);
    if (value == null) throw new BadRequest("missing field: " + field);
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new BadRequest(field + " must be an integer");
    }
    long n = ((Number) value).longValue();
    if (n < min || n > max) {
      throw new BadRequest(field + " must be in " + min + ".." + max + ", got " + n);
    }
    return n;
  }

  public static boolean bool(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) throw new BadRequest("missing field: " + field);
    if (!(value instanceof Boolean b)) throw new BadRequest(field + " must be true or false");
    return b;
  }

  /** One of the allowed string values. */
  public static String oneOf(JsonObject body, String field, String... allowed) {
    String value = string(body, field);
    for (String a : allowed) {
      if (a.equals(value)) return value;
    }
    throw new BadRequest(field + " must be one of " + String.join(", ", allowed));
  }
}
