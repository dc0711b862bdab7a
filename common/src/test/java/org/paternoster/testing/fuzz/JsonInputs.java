package org.paternoster.testing.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile request bodies for a {@link FuzzTarget}, drawn from a seeded {@link Random} so a failure
 * replays from its seed. Every input is invalid by construction, so the only right answer is a
 * refusal: random bytes (never blank), random JSON whose keys no endpoint knows, deep nesting
 * (past and below Jackson's depth limit, alone or inside a valid message), a valid message with one
 * field made wrong (missing, null, another JSON type, negative, beyond 64 bits, a huge string or
 * characters no identifier allows; templates hold only required fields, so removing one is never
 * valid), a message of another view, a valid message cut short, and a body just above the limit.
 */
public final class JsonInputs {
  /** Oversized bodies are made only for limits up to this; larger limits (state transfer) are not worth the bytes. */
  static final long MAX_OVERSIZED = 1 << 20;
  private static final String[] RANDOM_KEYS = {"zz", "", "__proto__", "\u00e9t\u00e9", "a.b", "0", "x".repeat(70), "\\u0000"};

  private JsonInputs() {}

  public static FuzzInput next(Random random, FuzzTarget target) {
    List<FuzzInput.Kind> kinds = new ArrayList<>(List.of(FuzzInput.Kind.RANDOM_BYTES, FuzzInput.Kind.RANDOM_JSON, FuzzInput.Kind.DEEP_NESTING));
    if (!target.templates().isEmpty()) {
      kinds.addAll(List.of(FuzzInput.Kind.MUTATED, FuzzInput.Kind.MUTATED, FuzzInput.Kind.MUTATED, FuzzInput.Kind.TRUNCATED));
      if (target.wrongView() != null) kinds.add(FuzzInput.Kind.WRONG_VIEW);
    }
    if (target.bodyLimit() <= MAX_OVERSIZED) kinds.add(FuzzInput.Kind.OVERSIZED);
    FuzzInput.Kind kind = kinds.get(random.nextInt(kinds.size()));
    return switch (kind) {
      case RANDOM_BYTES -> randomBytes(random);
      case RANDOM_JSON -> input(kind, "random", randomValue(random, 1 + random.nextInt(6), true).toString());
      case DEEP_NESTING -> deepNesting(random, target);
      case MUTATED -> mutated(random, template(random, target));
      case WRONG_VIEW -> input(kind, "another view", target.wrongView().apply(random, template(random, target)).encode());
      case TRUNCATED -> {
        String text = template(random, target).encode();
        yield input(kind, "cut", text.substring(0, 1 + random.nextInt(text.length() - 1)));
      }
      case OVERSIZED -> oversized(random, target);
    };
  }

  private static JsonObject template(Random random, FuzzTarget target) {
    return target.templates().get(random.nextInt(target.templates().size())).copy();
  }

  private static FuzzInput input(FuzzInput.Kind kind, String how, String body) {
    return new FuzzInput(kind, how, body.getBytes(StandardCharsets.UTF_8));
  }

  static FuzzInput randomBytes(Random random) {
    byte[] body = new byte[1 + random.nextInt(512)];
    random.nextBytes(body);
    if (random.nextBoolean()) body[0] = (byte) '{'; // half look like JSON at first glance
    else if (Character.isWhitespace(body[0] & 0xff) || body[0] == 0) body[0] = (byte) '!';
    return new FuzzInput(FuzzInput.Kind.RANDOM_BYTES, "random", body);
  }

  /** A random JSON value; objects use only keys no endpoint knows, and are never empty. */
  static Object randomValue(Random random, int depth, boolean top) {
    int pick = top && random.nextInt(10) < 6 ? 0 : random.nextInt(depth <= 1 ? 5 : 7);
    return switch (pick) {
      case 0 -> {
        JsonObject o = new JsonObject();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) o.put(RANDOM_KEYS[random.nextInt(RANDOM_KEYS.length)] + i, depth <= 1 ? random.nextLong() : randomValue(random, depth - 1, false));
        yield o;
      }
      case 1 -> random.nextLong();
      case 2 -> randomString(random, random.nextInt(40));
      case 3 -> random.nextBoolean();
      case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(300));
      case 5 -> {
        JsonArray a = new JsonArray();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) a.add(randomValue(random, depth - 1, false));
        yield a;
      }
      default -> randomValue(random, depth - 1, false);
    };
  }

  private static String randomString(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) s.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD7FF)));
    return s.toString();
  }

  /** Arrays or objects nested 500..100,000 deep (Jackson's default limit is 1,000), alone or as a field's value. */
  static FuzzInput deepNesting(Random random, FuzzTarget target) {
    int depth = random.nextBoolean() ? 500 + random.nextInt(1_000) : 1_000 + random.nextInt(99_000);
    boolean arrays = random.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String nested = open.repeat(depth) + "1" + close.repeat(depth);
    if (!target.templates().isEmpty() && random.nextBoolean()) {
      String text = template(random, target).encode();
      // replace the first field's value: {"k":v,...} -> {"k":<nested>,...}
      int colon = text.indexOf(':');
      JsonObject template = new JsonObject(text);
      String first = template.fieldNames().iterator().next();
      template.remove(first);
      String rest = template.isEmpty() ? "}" : "," + template.encode().substring(1);
      return input(FuzzInput.Kind.DEEP_NESTING, depth + (arrays ? " arrays" : " objects") + " in " + first, text.substring(0, colon + 1) + nested + rest);
    }
    return input(FuzzInput.Kind.DEEP_NESTING, depth + (arrays ? " arrays" : " objects"), nested);
  }

  static FuzzInput oversized(Random random, FuzzTarget target) {
    JsonObject body = target.templates().isEmpty() ? new JsonObject() : template(random, target);
    int size = (int) (target.bodyLimit() + 1 + random.nextInt((int) Math.min(target.bodyLimit(), 64 * 1024)));
    int pad = Math.max(1, size - body.encode().length() - 12);
    body.put("padding", "p".repeat(pad));
    return input(FuzzInput.Kind.OVERSIZED, "above " + target.bodyLimit(), body.encode());
  }

  /** {@code template} with one field, at any depth, made invalid. */
  static FuzzInput mutated(Random random, JsonObject template) {
    List<String> path = new ArrayList<>();
    Object parent = template;
    Object key = null;
    // walk down: at each container, pick a child; sometimes stop at a container itself
    while (true) {
      if (parent instanceof JsonObject o && !o.isEmpty()) {
        List<String> names = new ArrayList<>(o.fieldNames());
        key = names.get(random.nextInt(names.size()));
      } else if (parent instanceof JsonArray a && !a.isEmpty()) {
        key = random.nextInt(a.size());
      } else {
        break;
      }
      path.add(String.valueOf(key));
      Object child = get(parent, key);
      boolean nonEmpty = child instanceof JsonObject o ? !o.isEmpty() : child instanceof JsonArray a && !a.isEmpty();
      if (!nonEmpty || random.nextInt(3) == 0) break;
      parent = child;
    }
    if (key == null) return input(FuzzInput.Kind.MUTATED, "empty", "{}");
    Object original = get(parent, key);
    String how;
    int choice = random.nextInt(7);
    if (choice == 0 && parent instanceof JsonObject o) {
      o.remove((String) key);
      how = "missing";
    } else if (choice == 1) {
      set(parent, key, null);
      how = "null";
    } else if (choice == 2 && original instanceof Number) {
      set(parent, key, -1L - random.nextInt(1_000_000));
      how = "negative";
    } else if (choice == 3 && original instanceof Number) {
      Object[] huge = {new BigInteger("18446744073709551621"), new BigInteger("9".repeat(30)), 1.0e300, -9.0e300};
      set(parent, key, huge[random.nextInt(huge.length)]);
      how = "beyond 64 bits";
    } else if (choice == 4 && original instanceof String) {
      set(parent, key, "\u0000 \u202e<script>" + randomString(random, 2_000));
      how = "huge string";
    } else {
      set(parent, key, wrongType(random, original));
      how = "wrong type";
    }
    return input(FuzzInput.Kind.MUTATED, how + " at " + String.join(".", path), template.encode());
  }

  /** A value of another JSON type than {@code original}. */
  private static Object wrongType(Random random, Object original) {
    List<Object> options = new ArrayList<>();
    if (!(original instanceof String)) options.add("7");
    if (!(original instanceof Number)) options.add(7L);
    if (!(original instanceof Boolean)) options.add(true);
    if (!(original instanceof JsonArray)) options.add(new JsonArray().add(1));
    if (!(original instanceof JsonObject)) options.add(new JsonObject().put("zz", 1));
    return options.get(random.nextInt(options.size()));
  }

  private static Object get(Object container, Object key) {
    return container instanceof JsonObject o ? o.getValue((String) key) : ((JsonArray) container).getValue((Integer) key);
  }

  private static void set(Object container, Object key, Object value) {
    if (container instanceof JsonObject o) o.put((String) key, value);
    else ((JsonArray) container).set((Integer) key, value);
  }
}
