package org.paternoster.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What a {@link ViewStore} keeps: {@code {"view": {...}, "history": [...]}} ({@link ViewJson} for each part). */
public final class SavedStateJson {
  private SavedStateJson() {}

  public static JsonObject toJson(SavedState saved) {
    JsonArray history = new JsonArray();
    saved.history().forEach(c -> history.add(ViewJson.toJson(c, true)));
    return new JsonObject().put("view", ViewJson.toJson(saved.state())).put("history", history);
  }

  public static SavedState fromJson(JsonObject json) {
    List<ViewChange> history = new ArrayList<>();
    for (Object entry : json.getJsonArray("history", new JsonArray())) history.add(ViewJson.changeFromJson((JsonObject) entry));
    return new SavedState(ViewJson.stateFromJson(json.getJsonObject("view")), history);
  }
}
