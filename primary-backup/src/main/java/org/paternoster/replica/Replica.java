package org.paternoster.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Receipt;
import org.paternoster.orders.Sequenced;
import org.paternoster.view.View;

/**
 * One controller replica, sans I/O: views, client operations and peer messages go in (with
 * {@code now}), {@link Effect}s come out through {@link #drain()}. One thread calls it.
 *
 * <ul>
 *   <li>Invariant 1: a client is acknowledged ({@link Effect.Committed}) only for operations the
 *       backup of the current view holds, or at once when the view has no backup.
 *   <li>Invariant 2: only the primary of the current view orders operations; a backup applies a
 *       forward or transfer only when it is the backup of the sender's view; on learning a higher
 *       view a replica stops acting on the lower one at once.
 *   <li>Invariant 3: the primary reports (pings with) a view number only once that view's backup
 *       holds its complete state.
 * </ul>
 */
public final class Replica {
  private final String me;
  private final long retryDelayMs;
  private final List<Effect> effects = new ArrayList<>();
  private View view = View.INITIAL;
  private OrderBook book = new OrderBook();
  private ForwardPipeline pipeline; // non-null while primary of a view with a backup
  private long syncedView; // as backup: the view whose transfer we installed
  private boolean hasState; // holds a book: received a transfer, or started one as primary
  private long reportedViewnum; // what our pings tell the view service
  private long attempts;
  private long committedAnnounced; // highest seq announced by an Effect.Committed

  public Replica(String me, long retryDelayMs) {
    this.me = me;
    this.retryDelayMs = retryDelayMs;
  }

  public String id() {
    return me;
  }

  public View view() {
    return view;
  }

  public Role role() {
    return Role.of(view, me);
  }

  public OrderBook book() {
    return book;
  }

  /** The view number to ping with: 0 while fresh, and never a view whose backup lacks our state. */
  public long reportedViewnum() {
    return reportedViewnum;
  }

  /** The highest seq acknowledged to clients: held by this primary and its backup. */
  public long committedSeq() {
    if (role() != Role.PRIMARY) return 0;
    return pipeline == null ? book.lastSeq() : pipeline.backupHolds();
  }

  /** Effects produced since the last drain, in order. */
  public List<Effect> drain() {
    List<Effect> out = List.copyOf(effects);
    effects.clear();
    return out;
  }

  /** A view from the view service (or carried by a peer; views only come from there). */
  public void onView(View next, long now) {
    if (next.viewnum() <= view.viewnum()) return; // views only grow: ignore old news
    boolean wasPrimary = role() == Role.PRIMARY;
    view = next;
    if (wasPrimary && role() != Role.PRIMARY) effects.add(new Effect.Abandoned(view));
    pipeline = null;
    committedAnnounced = 0;
    if (role() == Role.PRIMARY && !hasState) {
      // Primary without any state: view 1, or a total loss declared by the view service. A new
      // generation tells the elevator nodes to re-submit what they show lit (invariant 7).
      book = new OrderBook(me + "@" + view.viewnum());
      hasState = true;
    }
    if (role() == Role.PRIMARY && view.backup() != null) {
      pipeline = new ForwardPipeline(view, attempts, retryDelayMs);
    }
    if (role() != Role.PRIMARY) reportedViewnum = view.viewnum();
    pump(now);
  }

  /** A client operation. Only the primary orders it; a duplicate request id gets its first receipt. */
  public Submission submit(Op op, long now) {
    if (role() != Role.PRIMARY) return new Submission.NotPrimary(view);
    Optional<Receipt> earlier = book.receipt(op.requestId());
    Receipt receipt;
    if (earlier.isPresent()) {
      receipt = earlier.get();
    } else {
      Sequenced s = new Sequenced(book.lastSeq() + 1, now, op);
      receipt = book.apply(s);
      if (pipeline != null) pipeline.ordered(s);
    }
    pump(now);
    return new Submission.Accepted(receipt, view.viewnum(), receipt.seq() <= committedSeq());
  }

  /** As backup: apply a forward if it comes from the primary of our view (invariant 2). */
  public PeerReply onForward(Forward forward, long now) {
    onView(forward.view(), now);
    Optional<PeerReply> refusal = refuseUnlessBackupOf(forward.view(), forward.attempt());
    if (refusal.isPresent()) return refusal.get();
    if (syncedView != view.viewnum()) {
      return new PeerReply(PeerReply.Status.NEED_TRANSFER, forward.attempt(), book.lastSeq(), view);
    }
    for (Sequenced s : forward.ops()) {
      if (s.seq() <= book.lastSeq()) continue; // duplicate: already applied
      if (s.seq() != book.lastSeq() + 1) break; // gap: the primary resends from what we report
      book.apply(s);
    }
    return new PeerReply(PeerReply.Status.OK, forward.attempt(), book.lastSeq(), view);
  }

  /** As backup: install the primary's complete state for our view (invariant 3). */
  public PeerReply onTransfer(Transfer transfer, long now) {
    onView(transfer.view(), now);
    Optional<PeerReply> refusal = refuseUnlessBackupOf(transfer.view(), transfer.attempt());
    if (refusal.isPresent()) return refusal.get();
    book = OrderBook.of(transfer.snapshot());
    syncedView = view.viewnum();
    hasState = true;
    return new PeerReply(PeerReply.Status.OK, transfer.attempt(), book.lastSeq(), view);
  }

  /** As primary: the backup's answer to a forward or transfer. */
  public void onPeerReply(PeerReply reply, long now) {
    onView(reply.view(), now);
    if (pipeline == null) return;
    pipeline.reply(reply, now);
    pump(now);
  }

  /** As primary: a forward or transfer got no answer. */
  public void onPeerFailure(long attempt, long now) {
    if (pipeline != null) pipeline.failed(attempt, now);
    pump(now);
  }

  /** Timer: retries that were waiting for their delay. */
  public void tick(long now) {
    pump(now);
  }

  private Optional<PeerReply> refuseUnlessBackupOf(View senderView, long attempt) {
    boolean sameView = senderView.viewnum() == view.viewnum();
    if (sameView && role() == Role.BACKUP) return Optional.empty();
    return Optional.of(new PeerReply(PeerReply.Status.REFUSED, attempt, book.lastSeq(), view));
  }

  private void pump(long now) {
    if (role() != Role.PRIMARY) return;
    if (pipeline != null) {
      Effect send = pipeline.next(book, now);
      attempts = pipeline.lastAttempt();
      if (send != null) effects.add(send);
    }
    if (pipeline == null || pipeline.ready()) reportedViewnum = view.viewnum();
    long committed = committedSeq();
    if (committed > committedAnnounced) {
      committedAnnounced = committed;
      effects.add(new Effect.Committed(committed));
    }
  }
}
