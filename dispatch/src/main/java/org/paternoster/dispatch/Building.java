package org.paternoster.dispatch;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A building of the dispatch benchmark (docs/DISPATCH.md): floors 0 (the lobby) .. floors-1, every
 * car serving every floor and starting idle at the lobby with its doors closed. Times in seconds,
 * lengths in metres.
 *
 * @param floors the number of floors, the lobby included
 * @param populationPerFloor people per floor above the lobby
 */
public record Building(
    String name, int floors, int populationPerFloor, int cars, int capacity, double floorHeightM, double speedMps,
    double accelMps2, double doorOpenS, double doorCloseS, double transferS, double minDwellS, double startDelayS) {

  /** The spec's main building: 16 floors, 6 cars of 13 persons, 2.5 m/s. */
  public static final Building MID16 = new Building("MID16", 16, 80, 6, 13, 3.5, 2.5, 1.0, 2.0, 3.0, 1.2, 1.0, 0.5);
  /** The spec's fast building: 10 floors, 4 cars of 13 persons, 1.6 m/s. */
  public static final Building LOW10 = new Building("LOW10", 10, 80, 4, 13, 3.5, 1.6, 0.8, 2.0, 3.0, 1.2, 1.0, 0.5);

  private static final List<String> FIELDS = List.of("name", "floors", "populationPerFloor", "cars", "capacity",
      "floorHeightM", "speedMps", "accelMps2", "doorOpenS", "doorCloseS", "transferS", "minDwellS", "startDelayS");

  public Building {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) throw new IllegalArgumentException("name must be letters, digits, _ . -: " + name);
    if (floors < 2) throw new IllegalArgumentException("floors must be >= 2 (the lobby included), got " + floors);
    if (populationPerFloor < 1) throw new IllegalArgumentException("populationPerFloor must be >= 1, got " + populationPerFloor);
    if (cars < 1) throw new IllegalArgumentException("cars must be >= 1, got " + cars);
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    positive("floorHeightM", floorHeightM);
    positive("speedMps", speedMps);
    positive("accelMps2", accelMps2);
    for (double t : List.of(doorOpenS, doorCloseS, transferS, minDwellS, startDelayS)) {
      if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("door and transfer times must be finite and >= 0");
    }
  }

  /** MID16 or LOW10 by name, else the JSON file at {@code spec}. */
  public static Building named(String spec) {
    return switch (spec) {
      case "MID16" -> MID16;
      case "LOW10" -> LOW10;
      default -> read(Path.of(spec));
    };
  }

  /** Reads a building file; throws {@link IllegalArgumentException} naming the file and the problem. */
  public static Building read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read building file " + file + ": " + e.getMessage(), e);
    }
    try {
      return fromJson(new JsonObject(text));
    } catch (DecodeException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new IllegalArgumentException("building file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Strict: every field present, no others. */
  public static Building fromJson(JsonObject o) {
    for (String f : FIELDS) if (!o.containsKey(f)) throw new IllegalArgumentException("missing field " + f);
    for (String f : o.fieldNames()) if (!FIELDS.contains(f)) throw new IllegalArgumentException("unknown field " + f);
    return new Building(o.getString("name"), integer(o, "floors"), integer(o, "populationPerFloor"), integer(o, "cars"),
        integer(o, "capacity"), o.getDouble("floorHeightM"), o.getDouble("speedMps"), o.getDouble("accelMps2"),
        o.getDouble("doorOpenS"), o.getDouble("doorCloseS"), o.getDouble("transferS"), o.getDouble("minDwellS"),
        o.getDouble("startDelayS"));
  }

  /** People above the lobby. */
  public int population() {
    return populationPerFloor * (floors - 1);
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("floors", floors).put("populationPerFloor", populationPerFloor)
        .put("cars", cars).put("capacity", capacity).put("floorHeightM", floorHeightM).put("speedMps", speedMps)
        .put("accelMps2", accelMps2).put("doorOpenS", doorOpenS).put("doorCloseS", doorCloseS).put("transferS", transferS)
        .put("minDwellS", minDwellS).put("startDelayS", startDelayS);
  }

  /** The same building with another number of cars and capacity (validity checks). */
  public Building withCars(int cars, int capacity) {
    return new Building(name, floors, populationPerFloor, cars, capacity, floorHeightM, speedMps, accelMps2, doorOpenS,
        doorCloseS, transferS, minDwellS, startDelayS);
  }

  private static int integer(JsonObject o, String field) {
    Number n = o.getNumber(field);
    if (n.doubleValue() != Math.rint(n.doubleValue())) throw new IllegalArgumentException(field + " must be an integer, got " + n);
    return n.intValue();
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be > 0, got %s", field, v));
  }
}
