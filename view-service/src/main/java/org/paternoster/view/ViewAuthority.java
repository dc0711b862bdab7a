package org.paternoster.view;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Who decides views in this process: the one view service of a single process, or, in a
 * replicated view service (issue 12), the member that currently leads. The HTTP API asks it
 * before every answer. Called on the view service's one thread.
 */
public interface ViewAuthority {
  /** The service that may decide views now, or empty on a member that does not lead. */
  Optional<DurableViewService> service();

  /**
   * Called after {@code service()} granted a lease, before the answer leaves: completes (on the
   * caller's context) with true when the grant may be announced, i.e. a group member still leads
   * the term its service was built for, confirmed by a majority after the ping arrived
   * (invariant 2 across view-service leaders).
   */
  Future<Boolean> stillLeads();

  /** The view as this process knows it when it does not lead (a follower's copy may lag). */
  SavedState known();

  /** The URL pings should go to when this process does not lead, or null when unknown. */
  String leaderUrl();

  /** Extra fields for {@code GET /view}: the members and which one leads (empty for one process). */
  JsonObject describe();

  /** Periodic work: re-evaluate the rules; in a group, follow leadership changes. */
  void tick(long now);

  /** The single-process view service: always decides. */
  static ViewAuthority single(DurableViewService service) {
    return new ViewAuthority() {
      @Override
      public Optional<DurableViewService> service() {
        return Optional.of(service);
      }

      @Override
      public Future<Boolean> stillLeads() {
        return Future.succeededFuture(true);
      }

      @Override
      public SavedState known() {
        throw new IllegalStateException("a single view service always decides");
      }

      @Override
      public String leaderUrl() {
        return null;
      }

      @Override
      public JsonObject describe() {
        return new JsonObject();
      }

      @Override
      public void tick(long now) {
        service.tick(now);
      }
    };
  }
}
