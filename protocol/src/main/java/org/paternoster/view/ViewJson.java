package org.paternoster.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The wire and disk form of views (issue 2): {@code {"viewnum", "primary", "backup",
 * "primaryAddress", "backupAddress", "primaryIncarnation", "backupIncarnation", "rebuild",
 * "acked"}}, absent roles as JSON null. Shell-side: the core
 * never sees Vert.x types.
 */
public final class ViewJson {
  private ViewJson() {}

  public static JsonObject toJson(View view, boolean acked) {
    return new JsonObject()
        .put("viewnum", view.viewnum())
        .put("primary", view.primary())
        .put("backup", view.backup())
        .put("primaryAddress", view.primaryAddress())
        .put("backupAddress", view.backupAddress())
        .put("primaryIncarnation", view.primaryIncarnation())
        .put("backupIncarnation", view.backupIncarnation())
        .put("rebuild", view.rebuild())
        .put("acked", acked);
  }

  public static JsonObject toJson(ViewState state) {
    return toJson(state.view(), state.acked());
  }

  /**
   * Reads a view; {@link IllegalArgumentException} (or a cast exception) when malformed. The view
   * number must be a JSON integer in 0..2^63-1: {@code getLong} would wrap 2^64+5 to 5 and read
   * 1e300 as the largest long, and a replica adopts any higher view it hears of (invariant 4).
   */
  public static View fromJson(JsonObject json) {
    Object number = json.getValue("viewnum");
    if (number == null) throw new IllegalArgumentException("view without viewnum: " + json);
    if (!(number instanceof Integer || number instanceof Long) || ((Number) number).longValue() < 0) {
      throw new IllegalArgumentException("viewnum must be an integer in 0.." + Long.MAX_VALUE + ", got " + number);
    }
    long viewnum = ((Number) number).longValue();
    return new View(viewnum, json.getString("primary"), json.getString("backup"),
        json.getString("primaryAddress"), json.getString("backupAddress"),
        json.getString("primaryIncarnation"), json.getString("backupIncarnation"),
        json.getBoolean("rebuild", viewnum == 1)); // files written before lineages were named
  }

  /** A ping answer: the view JSON plus {@code leaseMs} (0: no lease). */
  public static JsonObject toJson(PingAnswer answer) {
    return toJson(answer.state()).put("leaseMs", answer.leaseMs());
  }

  public static PingAnswer answerFromJson(JsonObject json) {
    return new PingAnswer(stateFromJson(json), json.getLong("leaseMs", 0L));
  }

  public static ViewState stateFromJson(JsonObject json) {
    return new ViewState(fromJson(json), json.getBoolean("acked", false));
  }

  /**
   * One history entry: the view JSON plus {@code announcedAt}, {@code reason} and
   * {@code failoverMs} (null unless a failover).
   */
  public static JsonObject toJson(ViewChange change, boolean acked) {
    return toJson(change.view(), acked)
        .put("announcedAt", change.announcedAt())
        .put("reason", change.reason())
        .put("failoverMs", change.failoverMs());
  }

  public static ViewChange changeFromJson(JsonObject json) {
    return new ViewChange(fromJson(json), json.getLong("announcedAt"), json.getString("reason"), json.getLong("failoverMs"));
  }

  /**
   * The history oldest first. Every view but the current one was acked (rule 2: the service only
   * advances past acked views); the current one is acked when {@code currentAcked}.
   */
  public static JsonArray historyToJson(List<ViewChange> history, boolean currentAcked) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < history.size(); i++) {
      out.add(toJson(history.get(i), i < history.size() - 1 || currentAcked));
    }
    return out;
  }
}
