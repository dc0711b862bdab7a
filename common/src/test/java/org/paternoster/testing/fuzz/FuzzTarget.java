package org.paternoster.testing.fuzz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * One POST endpoint to fuzz: its path, valid messages to mutate, its body limit, and the answers
 * that count as a refusal although they are not 4xx.
 *
 * @param templates valid messages; mutations of them are made invalid ({@link JsonInputs})
 * @param bodyLimit the server's body limit for this path; oversized inputs go just above it
 * @param wrongView turns a valid message into one of another (lower or same-numbered but
 *     different) view, or null when the message carries no view
 * @param harmlessIn200 a 200 answer the protocol gives to a message that changes nothing: the
 *     replication endpoints answer {@code 200 {"status":"REFUSED", "view": ...}} to a peer of another
 *     view (so it learns the view), and a hand-over with nothing to merge is answered {@code merged}.
 *     The state check after every input still catches any change.
 */
public record FuzzTarget(String name, String path, List<JsonObject> templates, long bodyLimit,
    BiFunction<Random, JsonObject, JsonObject> wrongView, Predicate<JsonObject> harmlessIn200) {

  public static FuzzTarget of(String path, long bodyLimit, JsonObject... templates) {
    return new FuzzTarget(path, path, List.of(templates), bodyLimit, null, body -> false);
  }

  public FuzzTarget named(String newName) {
    return new FuzzTarget(newName, path, templates, bodyLimit, wrongView, harmlessIn200);
  }

  public FuzzTarget withWrongView(BiFunction<Random, JsonObject, JsonObject> mutation, Predicate<JsonObject> refusal) {
    return new FuzzTarget(name, path, templates, bodyLimit, mutation, refusal);
  }
}
