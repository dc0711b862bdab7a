package org.paternoster.replica.client;

import io.vertx.core.json.JsonObject;
import org.paternoster.http.Fields;

/**
 * The primary's answer to a committed order ({@code POST /orders} or {@code /orders/served}),
 * written by the replica and read by {@link OrderClient}: the order {@code id}, the view that
 * committed it, the {@code seq} it was ordered at, the incarnation {@code callSeq} it joined or
 * created ({@code created}), and {@code servedSince}: that incarnation was served by an operation
 * ordered after this press, before the answer left (a press made while a car was already on its
 * way; the lamp need not light again for it).
 *
 * <p>JSON: {@code {"id","status":"committed","viewnum","seq","callSeq","created","servedSince"}}.
 */
public record CommitReceipt(String id, long viewnum, long seq, long callSeq, boolean created, boolean servedSince) {
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("status", "committed").put("viewnum", viewnum).put("seq", seq)
        .put("callSeq", callSeq).put("created", created).put("servedSince", servedSince);
  }

  /** Reads an answer; {@code BadRequest} when a field is missing or of the wrong type. */
  public static CommitReceipt fromJson(JsonObject o) {
    return new CommitReceipt(Fields.id(o, "id"), Fields.integer(o, "viewnum", 0, Long.MAX_VALUE), Fields.integer(o, "seq", 0, Long.MAX_VALUE),
        Fields.integer(o, "callSeq", 0, Long.MAX_VALUE), o.getBoolean("created", false), o.getBoolean("servedSince", false));
  }
}
