package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a passenger trace: a header {@code id,t_ms,origin,destination}, then one row per person,
 * times not decreasing. Every problem is an {@link IllegalArgumentException} naming the source,
 * the line and what is wrong.
 */
public final class TraceReader {
  public static final String HEADER = "id,t_ms,origin,destination";

  private TraceReader() {}

  public static List<Passenger> read(Path file, Building building) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString(), building);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no trace file " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read trace " + file + ": " + e.getMessage(), e);
    }
  }

  public static List<Passenger> read(Reader in, String source, Building building) throws IOException {
    BufferedReader r = new BufferedReader(in);
    String header = r.readLine();
    if (header == null) throw new IllegalArgumentException(source + ": empty, expected the header " + HEADER);
    if (!header.strip().equals(HEADER)) throw new IllegalArgumentException(source + ":1: expected the header " + HEADER + ", got: " + header);
    List<Passenger> out = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    long lastT = Long.MIN_VALUE;
    int lineNo = 1;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank()) continue;
      String where = source + ":" + lineNo + ": ";
      String[] cols = line.strip().split(",", -1);
      if (cols.length != 4) throw new IllegalArgumentException(where + "expected 4 columns (" + HEADER + "), got " + cols.length + ": " + line);
      long id = number(cols[0], "id", where);
      long t = number(cols[1], "t_ms", where);
      long origin = number(cols[2], "origin", where);
      long destination = number(cols[3], "destination", where);
      if (!ids.add(id)) throw new IllegalArgumentException(where + "duplicate id " + id);
      if (t < 0) throw new IllegalArgumentException(where + "t_ms must be >= 0, got " + t);
      if (t < lastT) throw new IllegalArgumentException(where + "t_ms goes back in time: " + t + " after " + lastT);
      lastT = t;
      checkFloor(origin, "origin", where, building);
      checkFloor(destination, "destination", where, building);
      if (origin == destination) throw new IllegalArgumentException(where + "origin and destination are both " + origin);
      out.add(new Passenger(id, t / 1000.0, (int) origin, (int) destination));
    }
    return out;
  }

  private static long number(String s, String column, String where) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + column + " must be an integer, got '" + s + "'");
    }
  }

  private static void checkFloor(long f, String column, String where, Building b) {
    if (f < 0 || f >= b.floors()) {
      throw new IllegalArgumentException(where + column + " " + f + " is not a floor of " + b.name() + " (0.." + (b.floors() - 1) + ")");
    }
  }
}
