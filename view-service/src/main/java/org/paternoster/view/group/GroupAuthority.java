package org.paternoster.view.group;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paternoster.view.DurableViewService;
import org.paternoster.view.PingTiming;
import org.paternoster.view.SavedState;
import org.paternoster.view.SavedStateJson;
import org.paternoster.view.TotalLossPolicy;
import org.paternoster.view.ViewAuthority;
import org.paternoster.view.ViewService;
import org.paternoster.view.ViewState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of the replicated view service. Only the member leading the consensus group runs the
 * view rules; it builds its {@link ViewService} afresh from the replicated state each time it
 * becomes leader, exactly as a view service restarting from its disk does: no lease for anyone
 * during one lease guard, and a dead interval of grace for the restored primary and backup. So
 * every lease a deposed leader granted has certainly expired before the new one grants any.
 *
 * <p>Why a deposed leader cannot announce: its writes are refused by the log ({@link ViewLog}
 * checks the writer's term), and every ping answer that grants a lease waits for a linearizable
 * read through this member and then checks that this member still leads the same term
 * ({@link #stillLeads()}). A new leader's term begins after a majority stopped following the old
 * one, hence after every ping the old leader confirmed was sent.
 *
 * <p>Runs on the view service's worker thread: becoming leader and saving a view block for a
 * majority round trip; confirming leadership for a ping does not (one confirmation in flight at a
 * time, shared by the pings that arrived before it started).
 */
public final class GroupAuthority implements ViewAuthority {
  private static final Logger log = LoggerFactory.getLogger(GroupAuthority.class);
  private final ViewGroup group;
  private final PingTiming timing;
  private final TotalLossPolicy onTotalLoss;
  private DurableViewService service;
  private GroupViewStore store;
  private long term = -1;
  private boolean confirming;
  private final List<Promise<Boolean>> next = new ArrayList<>();

  public GroupAuthority(ViewGroup group, PingTiming timing, TotalLossPolicy onTotalLoss) {
    this.group = group;
    this.timing = timing;
    this.onTotalLoss = onTotalLoss;
  }

  @Override
  public Optional<DurableViewService> service() {
    return Optional.ofNullable(service);
  }

  /**
   * One leadership confirmation (a ReadIndex through this member) serves every ping that arrived
   * before it started; a ping that arrives while one is in flight waits for the next, since the
   * one in flight may have been confirmed before that ping was sent.
   */
  @Override
  public Future<Boolean> stillLeads() {
    if (service == null) return Future.succeededFuture(false);
    Promise<Boolean> answer = Promise.promise();
    if (confirming) {
      next.add(answer);
    } else {
      List<Promise<Boolean>> batch = new ArrayList<>();
      batch.add(answer);
      confirm(batch);
    }
    return answer.future();
  }

  private void confirm(List<Promise<Boolean>> batch) {
    confirming = true;
    Context context = Vertx.currentContext();
    long confirmingTerm = term;
    group.readConfirmedAsync().whenComplete((read, failure) -> context.runOnContext(v -> {
      boolean leads = failure == null && service != null && term == confirmingTerm
          && group.leadingTerm() == confirmingTerm && !store.conflicted();
      if (failure != null) log.warn("could not confirm leadership of term {}: {}", confirmingTerm, failure.getMessage());
      batch.forEach(p -> p.complete(leads));
      confirming = false;
      if (!next.isEmpty()) {
        List<Promise<Boolean>> waiting = new ArrayList<>(next);
        next.clear();
        confirm(waiting);
      }
    }));
  }

  @Override
  public SavedState known() {
    JsonObject state = group.local().getJsonObject("state");
    return state == null ? new SavedState(ViewState.INITIAL, List.of()) : SavedStateJson.fromJson(state);
  }

  @Override
  public String leaderUrl() {
    return group.leader().map(GroupMembers.Member::url).orElse(null);
  }

  @Override
  public JsonObject describe() {
    return new JsonObject()
        .put("members", new JsonArray(group.members().urls()))
        .put("self", group.members().self().url())
        .put("leader", leaderUrl());
  }

  /** Follows leadership: builds the service on becoming leader, drops it on losing the term or a write. */
  @Override
  public void tick(long now) {
    long leading = group.leadingTerm();
    if (service != null && (leading != term || store.conflicted())) {
      log.info("no longer deciding views (term {} over)", term);
      service = null;
      store = null;
      term = -1;
    }
    if (service == null && leading >= 0) become(leading, now);
    if (service != null) service.tick(now);
  }

  private void become(long leading, long now) {
    // leadingTerm() >= 0 means Ratis's leader is "ready": the first entry of its term is applied,
    // hence every entry committed before it. The local copy is the latest state, with no read.
    JsonObject read = group.local();
    if (group.leadingTerm() != leading) return;
    JsonObject state = read.getJsonObject("state");
    SavedState saved = state == null ? new SavedState(ViewState.INITIAL, List.of()) : SavedStateJson.fromJson(state);
    store = new GroupViewStore(group, leading, read.getLong("version"));
    service = new DurableViewService(new ViewService(timing, onTotalLoss, saved, now), store);
    term = leading;
    log.info("leading the view service group in term {}: resuming {} (no lease granted for {} ms)",
        leading, saved.state().view(), timing.leaseGuardMs());
  }
}
