package org.paternoster.replica;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.view.View;

/**
 * The primary's link to the backup of one view: first a state transfer, then forwards of every
 * operation not yet held by the backup. One request is in flight at a time; everything ordered
 * while it travels goes in the next batch (group commit), so many clients share one round trip.
 *
 * <p>Invariant 1: {@link #backupHolds()} only grows from the backup's own replies; nothing is
 * acknowledged beyond it. Invariant 3: {@link #ready()} (the view may be acked) only after the
 * backup installed our complete state.
 */
final class ForwardPipeline {
  static final int MAX_BATCH = 1024;

  private final View view;
  private final long retryDelayMs;
  private final Deque<Sequenced> unheld = new ArrayDeque<>();
  private boolean transferred;
  private long backupHolds;
  private long inFlight; // attempt id, 0 when idle
  private long nextAttempt;
  private long retryAt;

  ForwardPipeline(View view, long firstAttempt, long retryDelayMs) {
    this.view = view;
    this.nextAttempt = firstAttempt;
    this.retryDelayMs = retryDelayMs;
  }

  boolean ready() {
    return transferred;
  }

  long backupHolds() {
    return backupHolds;
  }

  long lastAttempt() {
    return nextAttempt;
  }

  void ordered(Sequenced s) {
    unheld.addLast(s);
  }

  /** The next request to send, or null when one is in flight, nothing is due, or a retry waits. */
  Effect next(OrderBook book, long now) {
    if (inFlight != 0 || now < retryAt) return null;
    if (!transferred) {
      inFlight = ++nextAttempt;
      unheld.clear(); // the snapshot covers all of them
      return new Effect.SendTransfer(view.backupAddress(), new Transfer(view, inFlight, book.snapshot()));
    }
    if (unheld.isEmpty()) return null;
    List<Sequenced> batch = new ArrayList<>(Math.min(unheld.size(), MAX_BATCH));
    for (Sequenced s : unheld) {
      if (batch.size() == MAX_BATCH) break;
      batch.add(s);
    }
    inFlight = ++nextAttempt;
    return new Effect.SendForward(view.backupAddress(), new Forward(view, inFlight, batch));
  }

  /** Whether {@code attempt} is the request in flight (a reply to any other is stale). */
  boolean awaits(long attempt) {
    return attempt != 0 && attempt == inFlight;
  }

  /** Applies the backup's answer to request {@code attempt}; a reply to another attempt is ignored. */
  void reply(PeerReply reply, long now) {
    if (reply.attempt() != inFlight) return;
    inFlight = 0;
    switch (reply.status()) {
      case OK -> {
        transferred = true;
        backupHolds = Math.max(backupHolds, reply.applied());
        while (!unheld.isEmpty() && unheld.peekFirst().seq() <= backupHolds) unheld.removeFirst();
      }
      case NEED_TRANSFER, MERGE_FIRST -> transferred = false; // start over (after merging what the backup held)
      case REFUSED -> retryAt = now + retryDelayMs; // backup not (yet) in our view
    }
  }

  /** Request {@code attempt} got no answer (timeout, connection refused): retry after a delay. */
  void failed(long attempt, long now) {
    if (attempt != inFlight) return;
    inFlight = 0;
    retryAt = now + retryDelayMs;
  }
}
