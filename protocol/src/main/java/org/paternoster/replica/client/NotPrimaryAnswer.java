package org.paternoster.replica.client;

import io.vertx.core.json.JsonObject;
import org.paternoster.view.View;

/**
 * A replica's answer to an order or a car's link when it is not the primary: the view it knows
 * and that view's primary, so the client can follow at once if that view is newer than its own
 * ({@code 503} on {@code POST /orders}; on a car's link a frame of type {@link #TYPE}, then the
 * link closes).
 *
 * <p>JSON: {@code {"type":"not-primary","error":"not primary","viewnum","primary","primaryAddress"}}.
 */
public record NotPrimaryAnswer(long viewnum, String primary, String primaryAddress) {
  public static final String TYPE = "not-primary";

  public static NotPrimaryAnswer of(View view) {
    return new NotPrimaryAnswer(view.viewnum(), view.primary(), view.primaryAddress());
  }

  public JsonObject toJson() {
    return new JsonObject().put("type", TYPE).put("error", "not primary").put("viewnum", viewnum).put("primary", primary)
        .put("primaryAddress", primaryAddress);
  }

  /** Reads an answer leniently: a field missing or of the wrong type reads as unknown (-1 or null). */
  public static NotPrimaryAnswer fromJson(JsonObject o) {
    return new NotPrimaryAnswer(o.getValue("viewnum") instanceof Number n ? n.longValue() : -1,
        o.getValue("primary") instanceof String s ? s : null, o.getValue("primaryAddress") instanceof String s ? s : null);
  }
}
