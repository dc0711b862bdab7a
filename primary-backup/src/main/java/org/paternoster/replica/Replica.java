package org.paternoster.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.PendingCall;
import org.paternoster.orders.Receipt;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.Tombstone;
import org.paternoster.view.View;

/**
 * One controller replica, sans I/O: views, leases, client operations and peer messages go in
 * (with {@code now}, this process's monotonic milliseconds), {@link Effect}s come out through
 * {@link #drain()}. One thread calls it.
 *
 * <ul>
 *   <li>Invariant 1: a client is acknowledged ({@link Effect.Committed}) only for operations the
 *       backup of the current view holds, or at once when the view has no backup.
 *   <li>Invariant 2: only the primary of the current view orders operations, and it acknowledges
 *       only while it holds a lease; a backup applies a forward or transfer only from the primary
 *       of exactly its view; on learning a higher view a replica stops acting on the lower one.
 *   <li>Invariant 3: the primary reports (pings with) a view number only once that view's backup
 *       holds its complete state.
 *   <li>Invariant 7: a transfer never overwrites calls of another lineage it does not cover
 *       ({@link PeerReply.Status#MERGE_FIRST}); an idle replica hands its orphaned calls to the
 *       primary before dropping them.
 *   <li>Invariant 8: this process acts only in the roles a view gives its own incarnation; it
 *       starts a book from nothing only in a view that starts a lineage ({@link View#rebuild()}).
 * </ul>
 */
public final class Replica {
  private final String me;
  private final String incarnation;
  private final long retryDelayMs;
  private final List<Effect> effects = new ArrayList<>();
  private View view = View.INITIAL;
  private OrderBook book = new OrderBook();
  private int lineagesStarted;
  private boolean hasState; // the book is real: transferred, recovered, or a lineage this replica started
  private ForwardPipeline pipeline; // non-null while primary of a view with a backup
  private long syncedView; // as backup: the view whose transfer we installed
  private long installedAttempt; // as backup: the attempt of that transfer (a later duplicate is ignored)
  private long reportedViewnum; // what our pings tell the view service
  private long attempts;
  private long committedAnnounced; // highest seq announced by an Effect.Committed
  private long leaseUntil; // as primary: acknowledge and push only before this time (invariant 2)
  private boolean handoverInFlight;
  private long handoverRetryAt;
  private final BookChanges changes; // since the last drainJournal, and whether the book is still the recovered one

  public Replica(String me, String incarnation, long retryDelayMs) {
    this(me, incarnation, retryDelayMs, new OrderBook(), null);
  }

  /**
   * A replica that starts from a recovered book (durable books: {@code --data-dir}), made durable
   * by process {@code recoveredFrom} (null: unknown), which {@link #recoveredFrom()} reports until
   * the book first changes.
   */
  public Replica(String me, String incarnation, long retryDelayMs, OrderBook recovered, String recoveredFrom) {
    this.me = me;
    this.incarnation = incarnation;
    this.retryDelayMs = retryDelayMs;
    this.changes = new BookChanges(recoveredFrom);
    if (recovered.lastSeq() > 0) {
      book = recovered;
      hasState = true;
    }
  }

  public String id() {
    return me;
  }

  public String incarnation() {
    return incarnation;
  }

  public View view() {
    return view;
  }

  public Role role() {
    return Role.of(view, me, incarnation);
  }

  public OrderBook book() {
    return book;
  }

  /** Whether this replica holds a real book (not merely an empty one it was born with). */
  public boolean hasState() {
    return hasState;
  }

  /**
   * The incarnation whose durable book this process recovered, as long as its book is still
   * exactly that one (nothing applied, merged or installed since), else null. Pinged to the view
   * service: a process the current view named, lost, can be succeeded by this one under {@code
   * --on-total-loss wait}, since its book holds everything that process acknowledged (invariant 9).
   */
  public String recoveredFrom() {
    return changes.recoveredFrom();
  }

  /** The view number to ping with: 0 while fresh, and never a view whose backup lacks our state. */
  public long reportedViewnum() {
    return reportedViewnum;
  }

  /** The highest seq held by this primary and its backup (acknowledged while leased). */
  public long committedSeq() {
    if (role() != Role.PRIMARY || !hasState) return 0;
    return pipeline == null ? book.lastSeq() : pipeline.backupHolds();
  }

  /** As primary: whether the view service's lease is still ours at {@code now} (invariant 2). */
  public boolean hasLease(long now) {
    return role() == Role.PRIMARY && hasState && now < leaseUntil;
  }

  /**
   * The primary may act towards the outside (acknowledge, push lamps to elevators): it holds a
   * lease and has reported this view (its backup holds the complete book).
   */
  public boolean mayAct(long now) {
    return hasLease(now) && reportedViewnum == view.viewnum();
  }

  /** The book's changes since the last call (durable books make them durable before any effect that promises leaves). */
  public BookDelta drainJournal() {
    return changes.drain(book);
  }

  private void replaceBook(OrderBook next) {
    book = next;
    changes.replaced();
  }

  private Receipt apply(Sequenced s) {
    Receipt receipt = book.apply(s);
    changes.applied(s);
    return receipt;
  }

  /** Whether inputs since the last {@link #drain} produced effects (something to send or answer). */
  public boolean hasEffects() {
    return !effects.isEmpty();
  }

  /** Effects produced since the last drain, in order. */
  public List<Effect> drain() {
    List<Effect> out = List.copyOf(effects);
    effects.clear();
    return out;
  }

  /**
   * The view service's answer to a ping this replica sent at {@code sentAt}: its view, and a
   * lease of {@code leaseMs} counted from {@code sentAt} (0: none).
   */
  public void onPingAnswer(View answered, long leaseMs, long sentAt, long now) {
    // The view service is the authority: a view of our number but other content (its previous life
    // without a disk announced another) replaces ours; peers' copies only count when newer.
    if (answered.viewnum() == view.viewnum() && !answered.equals(view)) adopt(answered, now);
    else onView(answered, now);
    if (leaseMs > 0 && answered.isPrimary(me, incarnation) && role() == Role.PRIMARY) {
      leaseUntil = Math.max(leaseUntil, sentAt + leaseMs);
      pump(now);
    }
  }

  /** A view from the view service (or carried by a peer; views only come from there). */
  public void onView(View next, long now) {
    if (next.viewnum() <= view.viewnum()) return; // views only grow: ignore old news
    adopt(next, now);
  }

  private void adopt(View next, long now) {
    boolean wasPrimary = role() == Role.PRIMARY;
    // Only a view service without its disk reuses a number, for another view: the transfer we
    // installed in the number's first view is not one from this view's primary (invariant 3).
    if (next.viewnum() == syncedView) syncedView = 0;
    view = next;
    if (wasPrimary && role() != Role.PRIMARY) {
      effects.add(new Effect.Abandoned(view));
      leaseUntil = 0;
    }
    pipeline = null;
    committedAnnounced = 0;
    if (role() == Role.PRIMARY && view.rebuild()) {
      // A new lineage (view 1, a total loss, a view service without its disk): keep whatever book
      // we hold, number on from this view's block, and tell the elevators to re-submit (invariant 7, 8).
      replaceBook(book.newLineage(lineageName(), view.viewnum()));
      hasState = true;
    }
    if (role() == Role.PRIMARY && hasState && view.backup() != null) {
      pipeline = new ForwardPipeline(view, attempts, retryDelayMs);
    }
    if (role() != Role.PRIMARY) reportedViewnum = view.viewnum();
    pump(now);
  }

  /**
   * The name of a lineage this replica starts in the current view: unique even when a view service
   * without its disk hands out a view number twice (invariant 4 does not hold then), because it
   * names this process's incarnation and how many lineages it started. Replicas compare names to
   * decide whether a copy is a prefix of their own book (nothing to merge) or another lineage's
   * (merged, invariant 7): two lineages sharing a name would skip that merge.
   */
  private String lineageName() {
    return me + "@" + view.viewnum() + "/" + incarnation + "/" + ++lineagesStarted;
  }

  /** A client operation. Only the primary orders it; a duplicate request id gets its first receipt. */
  public Submission submit(Op op, long now) {
    if (role() != Role.PRIMARY || !hasState) return new Submission.NotPrimary(view);
    Optional<Receipt> earlier = book.receipt(op.requestId());
    Receipt receipt = earlier.isPresent() ? earlier.get() : order(op, now);
    pump(now);
    return new Submission.Accepted(receipt, view.viewnum(), receipt.seq() <= committedSeq() && hasLease(now));
  }

  /**
   * Whether the incarnation a press joined or created ({@code receipt}) has since been served, by
   * an operation ordered after it: said in the press's answer, so the panel does not light a lamp
   * for a call a car already answered (the pushes that put it out may predate the press's commit).
   */
  public boolean servedSince(Op op, Receipt receipt) {
    return op instanceof Op.Press p && book.wasServed(p.call(), receipt.callSeq());
  }

  private Receipt order(Op op, long now) {
    Sequenced s = new Sequenced(book.lastSeq() + 1, now, op);
    Receipt receipt = apply(s);
    if (pipeline != null) pipeline.ordered(s);
    return receipt;
  }

  /**
   * As primary: an idle replica hands over its book. Returns the seq to wait for before answering
   * "merged", or -1 when this replica cannot take it now (not the leased primary with a book, or no
   * backup). The caller answers once {@link Effect.Committed} covers the seq: then everything the
   * idle copy held is on two replicas, and dropping it loses no redundancy (invariant 7). A copy of
   * our own lineage is a prefix of our book, so it needs nothing merged, only our backup to hold
   * our whole book.
   */
  public long onHandover(Handover handover, long now) {
    onView(handover.view(), now);
    if (!hasLease(now) || view.backup() == null) return -1;
    if (handover.generation() == null || !handover.generation().equals(book.generation())) {
      merge(handover.pending(), handover.served(), now);
    }
    pump(now);
    return book.lastSeq();
  }

  /**
   * Merges another lineage's book (invariant 7), a union both ways: orders a {@link Op.Restore} for
   * every call this book neither holds nor knows served, and an {@link Op.Served} for every served
   * incarnation it does not know yet. Returns the last seq ordered, or 0.
   */
  private long merge(List<PendingCall> calls, List<Tombstone> served, long now) {
    long upTo = 0;
    // Merge ops are idempotent by their own rule; their request ids only need to be unique (the
    // seq they are ordered at), never shared with an earlier op (seqs may repeat across lineages).
    for (PendingCall p : calls) {
      if (book.wasServed(p.call(), p.seq()) || book.pending(p.call()).isPresent()) continue;
      upTo = order(new Op.Restore("merge-" + (book.lastSeq() + 1), p.call(), p.seq(), p.at()), now).seq();
    }
    for (Tombstone t : served) {
      // Served both retires a pending match and records the tombstone, so a stale copy merged later cannot relight it.
      if (!book.wasServed(t.call(), t.seq())) upTo = order(new Op.Served("merge-" + (book.lastSeq() + 1), t.call(), t.seq()), now).seq();
    }
    return upTo;
  }

  /** As backup: apply a forward if it comes from the primary of exactly our view (invariant 2). */
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
      apply(s);
    }
    return new PeerReply(PeerReply.Status.OK, forward.attempt(), book.lastSeq(), view);
  }

  /**
   * As backup: install the primary's complete state for our view (invariant 3), unless it is a
   * duplicate or late copy of a transfer already installed (it would roll back what the primary
   * counts as held), or it would drop calls of another lineage it does not cover (invariant 7).
   */
  public PeerReply onTransfer(Transfer transfer, long now) {
    onView(transfer.view(), now);
    Optional<PeerReply> refusal = refuseUnlessBackupOf(transfer.view(), transfer.attempt());
    if (refusal.isPresent()) return refusal.get();
    if (syncedView == view.viewnum() && transfer.attempt() <= installedAttempt) {
      return new PeerReply(PeerReply.Status.OK, transfer.attempt(), book.lastSeq(), view); // stale copy: keep ours
    }
    if (hasState && !java.util.Objects.equals(book.generation(), transfer.snapshot().generation())) {
      List<PendingCall> uncovered = book.pending().stream().filter(p -> !transfer.snapshot().covers(p)).toList();
      // Every service we know and the snapshot does not (a union both ways): sent back to be
      // merged, so a stale copy merged later cannot relight it. Skipped when both tables together
      // overflow the bound (an exchange that could never converge); then a needless stop is possible.
      java.util.Set<Tombstone> known = new java.util.HashSet<>(transfer.snapshot().served());
      List<Tombstone> served = book.snapshot().served().stream().filter(t -> !known.contains(t)).toList();
      if (known.size() + served.size() > OrderBook.TOMBSTONES_KEPT) served = List.of();
      if (!uncovered.isEmpty() || !served.isEmpty()) {
        return new PeerReply(PeerReply.Status.MERGE_FIRST, transfer.attempt(), book.lastSeq(), view, uncovered, served);
      }
    }
    replaceBook(OrderBook.of(transfer.snapshot()));
    syncedView = view.viewnum();
    installedAttempt = transfer.attempt();
    hasState = true;
    handoverInFlight = false;
    return new PeerReply(PeerReply.Status.OK, transfer.attempt(), book.lastSeq(), view);
  }

  /** As primary: the backup's answer to a forward or transfer. */
  public void onPeerReply(PeerReply reply, long now) {
    onView(reply.view(), now);
    if (pipeline == null) return;
    if (reply.status() == PeerReply.Status.MERGE_FIRST && pipeline.awaits(reply.attempt())) merge(reply.uncovered(), reply.served(), now);
    pipeline.reply(reply, now);
    pump(now);
  }

  /** As primary: a forward or transfer got no answer. */
  public void onPeerFailure(long attempt, long now) {
    if (pipeline != null) pipeline.failed(attempt, now);
    pump(now);
  }

  /** As idle replica: the primary's answer to our handover; once merged our copy is redundant. */
  public void onHandoverReply(Handover.Reply reply, long now) {
    onView(reply.view(), now);
    handoverInFlight = false;
    if (reply.merged() && role() == Role.IDLE && reply.view().viewnum() == view.viewnum()) {
      replaceBook(new OrderBook());
      hasState = false;
    } else {
      handoverRetryAt = now + retryDelayMs;
    }
    pump(now);
  }

  /** As idle replica: the handover got no answer. */
  public void onHandoverFailure(long now) {
    handoverInFlight = false;
    handoverRetryAt = now + retryDelayMs;
    pump(now);
  }

  /** Timer: retries that were waiting for their delay; acknowledgements a renewed lease allows. */
  public void tick(long now) {
    pump(now);
  }

  private Optional<PeerReply> refuseUnlessBackupOf(View senderView, long attempt) {
    if (senderView.equals(view) && role() == Role.BACKUP) return Optional.empty();
    return Optional.of(new PeerReply(PeerReply.Status.REFUSED, attempt, book.lastSeq(), view));
  }

  private void pump(long now) {
    if (role() == Role.IDLE) handOver(now);
    if (role() != Role.PRIMARY || !hasState) return;
    if (pipeline != null) {
      Effect send = pipeline.next(book, now);
      attempts = pipeline.lastAttempt();
      if (send != null) effects.add(send);
    }
    if (pipeline == null || pipeline.ready()) reportedViewnum = view.viewnum();
    long committed = committedSeq();
    if (committed > committedAnnounced && hasLease(now)) {
      committedAnnounced = committed;
      effects.add(new Effect.Committed(committed));
    }
  }

  /** An idle replica holding calls or services gives them to the primary of its view (invariant 7). */
  private void handOver(long now) {
    if (!hasState || !book.hasCallsOrServices() || view.primaryAddress() == null) return;
    if (handoverInFlight || now < handoverRetryAt) return;
    handoverInFlight = true;
    effects.add(new Effect.SendHandover(view.primaryAddress(),
        new Handover(view, me, book.generation(), List.copyOf(book.pending()), book.snapshot().served())));
  }
}
