package org.paternoster.view.group;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Optional;
import org.paternoster.view.SavedState;
import org.paternoster.view.SavedStateJson;
import org.paternoster.view.ViewStore;

/**
 * The {@link ViewStore} of the member leading term {@code term}: a save is a write to the
 * {@link ViewLog}, durable on a majority when it returns. Invariant 4 across leaders: a save
 * succeeds only while its writer's term is the one that orders it and nobody else wrote since
 * this leader read the state; otherwise it fails and stays failed ({@link #conflicted()}), and
 * the leader must read the state again before it decides anything.
 */
final class GroupViewStore implements ViewStore {
  private final ViewGroup group;
  private final long term;
  private long version;
  private boolean conflicted;

  GroupViewStore(ViewGroup group, long term, long version) {
    this.group = group;
    this.term = term;
    this.version = version;
  }

  @Override
  public Optional<SavedState> load() throws IOException {
    JsonObject read = group.readConfirmed();
    JsonObject state = read.getJsonObject("state");
    return state == null ? Optional.empty() : Optional.of(SavedStateJson.fromJson(state));
  }

  @Override
  public void save(SavedState state) throws IOException {
    if (conflicted) throw new IOException("the view log moved on without this leader");
    JsonObject reply = group.write(term, version, SavedStateJson.toJson(state));
    if (!reply.getBoolean("ok")) {
      conflicted = true;
      throw new IOException("refused by the view log (term " + term + " is over, or another leader wrote version " + reply.getLong("version") + ")");
    }
    version = reply.getLong("version");
  }

  /** True once a save was refused: this leader's state is stale. */
  boolean conflicted() {
    return conflicted;
  }

  @Override
  public String describe() {
    return "the replicated view log (" + group.members().members().size() + " members, term " + term + ")";
  }
}
