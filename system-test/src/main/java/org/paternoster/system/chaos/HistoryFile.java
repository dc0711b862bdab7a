package org.paternoster.system.chaos;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads back a run's {@code history.txt} (one {@link Event} per line, as its record prints:
 * {@code Light[t=20840, node=e1, call=hall:2:down, on=true]}), so a recorded history can be
 * checked again after the checker changed ({@code scripts/chaos.sh --recheck DIR}). A value runs
 * up to the next {@code ", name="} of its record's components, so values may contain commas.
 */
final class HistoryFile {
  private static final Map<String, Class<?>> TYPES = Arrays.stream(Event.class.getPermittedSubclasses())
      .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

  private HistoryFile() {}

  static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) events.add(parse(line));
    }
    return events;
  }

  /** One line back into its event; {@link IllegalArgumentException} naming the line if it is not one. */
  static Event parse(String line) {
    int open = line.indexOf('[');
    Class<?> type = open < 0 ? null : TYPES.get(line.substring(0, open));
    if (type == null || !line.endsWith("]")) throw new IllegalArgumentException("not an event: " + line);
    String body = line.substring(open + 1, line.length() - 1);
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    int at = 0;
    for (int i = 0; i < components.length; i++) {
      String prefix = (i == 0 ? "" : ", ") + components[i].getName() + "=";
      if (!body.startsWith(prefix, at)) throw new IllegalArgumentException("expected " + prefix.trim() + " in: " + line);
      int from = at + prefix.length();
      int to = i + 1 < components.length ? body.indexOf(", " + components[i + 1].getName() + "=", from) : body.length();
      if (to < 0) throw new IllegalArgumentException("expected " + components[i + 1].getName() + " in: " + line);
      types[i] = components[i].getType();
      values[i] = value(types[i], body.substring(from, to));
      at = to;
    }
    try {
      return (Event) type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot build " + type.getSimpleName() + " from: " + line, e);
    }
  }

  private static Object value(Class<?> type, String text) {
    if (type == long.class) return Long.parseLong(text);
    if (type == int.class) return Integer.parseInt(text);
    if (type == boolean.class) return Boolean.parseBoolean(text);
    if (text.equals("null")) return null;
    if (type == Long.class) return Long.valueOf(text);
    if (type == String.class) return text;
    if (type == Set.class) {
      String inner = text.substring(1, text.length() - 1);
      return inner.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(inner.split(", ")));
    }
    throw new IllegalArgumentException("no reader for " + type);
  }
}
