package org.paternoster.replica;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.paternoster.orders.Op;
import org.paternoster.view.PingAnswer;
import org.paternoster.view.View;

/**
 * What every shell of a {@link Replica} does, written once: it parks clients until their commit,
 * executes the core's effects through a {@link Transport}, and feeds back the answers. The Vert.x
 * verticle and the deterministic simulator both run this class, so the simulator tests the code
 * that ships, not a copy. Sans-I/O: the transport does the I/O, {@code clock} gives this process's
 * monotonic milliseconds. Confined to one thread (the event loop; the simulation thread).
 */
public final class ReplicaHost {
  /**
   * Sends replication messages. Each callback is called at most once, on the host's thread, with
   * the peer's answer or with {@code null} when there is none (timeout, refused connection).
   */
  public interface Transport {
    void forward(String to, Forward forward, Consumer<PeerReply> reply);

    void transfer(String to, Transfer transfer, Consumer<PeerReply> reply);

    void handover(String to, Handover handover, Consumer<Handover.Reply> reply);
  }

  /**
   * Makes the book's changes durable (durable books, {@code --data-dir}): called before any effect
   * that promises leaves (all but a primary's forwards, which may overlap it), so a client hears
   * "committed" and a primary hears a backup's "held" only once the operation is on disk at that
   * replica. One call per input: one fsync for everything it applied
   * (a forward batch: group commit). May block. A failure must stop this replica (fail-stop).
   */
  public interface Journal {
    Journal NONE = j -> {};

    void persist(BookDelta changes);
  }

  /** A client parked until its operation commits; each method returns false if it was already completed. */
  public interface Waiter {
    boolean committed(long viewnum);

    boolean notPrimary(View view);

    boolean timedOut();
  }

  private final Replica core;
  private final Transport transport;
  private final LongSupplier clock;
  private final long commitTimeoutMs;
  private final CommitWaiters waiters = new CommitWaiters();
  private final Runnable onChange;
  private final Journal journal;
  private final Consumer<Runnable> flushLater;
  private int maxWaiting = Integer.MAX_VALUE;
  private boolean flushPending;

  /**
   * @param commitTimeoutMs how long a client waits before it is told to resend the same id
   * @param onChange called after every input (the book, the view or the lease may have changed)
   */
  public ReplicaHost(Replica core, Transport transport, LongSupplier clock, long commitTimeoutMs, Runnable onChange) {
    this(core, transport, clock, commitTimeoutMs, onChange, Journal.NONE);
  }

  /** A host whose book changes are made durable by {@code journal} before any effect that promises leaves ({@link #run}). */
  public ReplicaHost(Replica core, Transport transport, LongSupplier clock, long commitTimeoutMs, Runnable onChange, Journal journal) {
    this(core, transport, clock, commitTimeoutMs, onChange, journal, Runnable::run);
  }

  /**
   * As above, with group commit for clients' orders: a submission that must wait for its commit
   * only asks {@code flushLater} to run the flush (journal, then effects) once, later on the same
   * thread (the Vert.x shell: at the end of the event-loop turn), so every order submitted in one
   * turn shares one journal write and one fsync. Any other input flushes at once, whatever is
   * pending with it. {@code Runnable::run} flushes every submission at once.
   */
  public ReplicaHost(Replica core, Transport transport, LongSupplier clock, long commitTimeoutMs, Runnable onChange, Journal journal,
      Consumer<Runnable> flushLater) {
    this.flushLater = flushLater;
    this.journal = journal;
    this.core = core;
    this.transport = transport;
    this.clock = clock;
    this.commitTimeoutMs = commitTimeoutMs;
    this.onChange = onChange;
  }

  public Replica core() {
    return core;
  }

  public long now() {
    return clock.getAsLong();
  }

  /**
   * At most {@code max} clients wait for a commit; beyond that, {@link #submit} answers {@link
   * Submission.Overloaded} without ordering anything (admission control: a bounded queue, not an
   * unbounded heap, when clients come faster than commits). Unbounded until set.
   */
  public ReplicaHost limitWaiting(int max) {
    if (max < 0) throw new IllegalArgumentException("max waiting must be >= 0, got " + max);
    this.maxWaiting = max;
    return this;
  }

  /** Number of clients waiting for a commit. */
  public int waiting() {
    return waiters.size();
  }

  /**
   * Orders {@code op}; {@code waiter} hears once: committed, not primary, or timed out. An order
   * that must wait for its commit is parked, and its journal write and effects are left to the
   * flush ({@link #flushSoon}); nothing it caused that promises anything leaves before its journal
   * write ({@link #run}: only its forward may overlap the write), and the waiter hears "committed"
   * only from a later {@link Effect.Committed}. If it caused no effect (its forward waits for the
   * one in flight), it asks for no flush at all: nothing can leave for it before a later input's
   * effects, and every input writes the journal with its effects, so the answer to the forward in
   * flight writes it, with everything else taken meanwhile, as the forward that carries it leaves
   * (durable books: one fsync per forward, not one per turn). When
   * {@link #limitWaiting} clients already wait, answers {@link Submission.Overloaded} at once and
   * {@code waiter} hears nothing.
   */
  public Submission submit(Op op, Waiter waiter) {
    long now = now();
    if (waiters.size() >= maxWaiting) return new Submission.Overloaded(waiters.size());
    Submission s = core.submit(op, now);
    if (s instanceof Submission.Accepted a && !a.committed()) {
      waiters.park(a.receipt().seq(), waiter, now + commitTimeoutMs);
      if (core.hasEffects()) flushSoon();
    } else {
      run(); // journaled before the waiter can hear "committed"
      if (s instanceof Submission.NotPrimary np) waiter.notPrimary(np.view());
      else waiter.committed(((Submission.Accepted) s).viewnum());
    }
    return s;
  }

  /** Asks for one flush of everything submitted until it runs (group commit); a flush already asked for covers this. */
  private void flushSoon() {
    if (flushPending) return;
    flushPending = true;
    flushLater.accept(() -> {
      flushPending = false;
      run();
    });
  }

  public PeerReply onForward(Forward forward) {
    PeerReply reply = core.onForward(forward, now());
    run();
    return reply;
  }

  public PeerReply onTransfer(Transfer transfer) {
    PeerReply reply = core.onTransfer(transfer, now());
    run();
    return reply;
  }

  /** As primary: answers {@code reply} "merged" once everything handed over that we lacked is committed. */
  public void onHandover(Handover handover, Consumer<Handover.Reply> reply) {
    long now = now();
    long seq = core.onHandover(handover, now);
    journal.persist(core.drainJournal());
    if (seq < 0) {
      reply.accept(new Handover.Reply(false, core.view()));
    } else if (seq <= core.committedSeq() && core.hasLease(now)) {
      reply.accept(new Handover.Reply(true, core.view()));
    } else {
      waiters.park(seq, new HandoverWaiter(reply), now + commitTimeoutMs);
    }
    run();
  }

  /** The view service answered a ping sent at {@code sentAt} (this host's clock). */
  public void onPingAnswer(PingAnswer answer, long sentAt) {
    core.onPingAnswer(answer.view(), answer.leaseMs(), sentAt, now());
    run();
  }

  /** Timer: retries, acknowledgements a renewed lease allows, expired waiters. */
  public void tick() {
    long now = now();
    core.tick(now);
    waiters.expire(now);
    run();
  }

  /**
   * Executes the core's effects, with the book's changes made durable before any of them promises
   * anything: a client's "committed", a waiter's failure, a transfer, a hand-over. Forwards that
   * come before the first transfer or hand-over leave first, so the backup's fsync runs while this
   * replica's own does (durable books: a commit waits for the slower of the two, not for both in
   * turn). That is safe because a forward promises nothing: the primary counts an op committed
   * only when it runs {@link Effect.Committed}, after its own write returned, so a primary that
   * dies inside that write leaves at most a backup holding more than anyone was told
   * (docs/ARCHITECTURE.md, invariant 9).
   */
  private void run() {
    BookDelta changes = core.drainJournal();
    List<Effect> effects = core.drain();
    int overlapping = leadingForwards(effects);
    for (int i = 0; i < overlapping; i++) {
      if (effects.get(i) instanceof Effect.SendForward f) execute(f);
    }
    if (!changes.isEmpty()) journal.persist(changes);
    for (int i = 0; i < effects.size(); i++) {
      if (i >= overlapping || !(effects.get(i) instanceof Effect.SendForward)) execute(effects.get(i));
    }
    onChange.run();
  }

  /**
   * How many effects from the start may be passed over by the forwards among them: up to the first
   * transfer or hand-over (messages leave in the core's order). Commits and failures among them
   * wait for the journal write, and run after it in their own order.
   */
  private static int leadingForwards(List<Effect> effects) {
    int n = 0;
    while (n < effects.size() && !(effects.get(n) instanceof Effect.SendTransfer) && !(effects.get(n) instanceof Effect.SendHandover)) n++;
    return n;
  }

  private void execute(Effect effect) {
    if (effect instanceof Effect.SendForward f) {
      long attempt = f.forward().attempt();
      transport.forward(f.toAddress(), f.forward(), r -> onPeerResult(attempt, r));
    } else if (effect instanceof Effect.SendTransfer t) {
      long attempt = t.transfer().attempt();
      transport.transfer(t.toAddress(), t.transfer(), r -> onPeerResult(attempt, r));
    } else if (effect instanceof Effect.SendHandover h) {
      transport.handover(h.toAddress(), h.handover(), this::onHandoverResult);
    } else if (effect instanceof Effect.Committed c) {
      waiters.commit(c.upToSeq(), core.view().viewnum());
    } else if (effect instanceof Effect.Abandoned a) {
      waiters.failAll(a.view());
    }
  }

  private void onPeerResult(long attempt, PeerReply reply) {
    if (reply == null) core.onPeerFailure(attempt, now());
    else core.onPeerReply(reply, now());
    run();
  }

  private void onHandoverResult(Handover.Reply reply) {
    if (reply == null) core.onHandoverFailure(now());
    else core.onHandoverReply(reply, now());
    run();
  }

  /** A handover answered "merged" when its restores commit, "not merged" otherwise. */
  private final class HandoverWaiter implements Waiter {
    private final Consumer<Handover.Reply> reply;
    private boolean done;

    HandoverWaiter(Consumer<Handover.Reply> reply) {
      this.reply = reply;
    }

    private boolean answer(boolean merged, View view) {
      if (done) return false;
      done = true;
      reply.accept(new Handover.Reply(merged, view == null ? core.view() : view));
      return true;
    }

    @Override
    public boolean committed(long viewnum) {
      return answer(true, null);
    }

    @Override
    public boolean notPrimary(View view) {
      return answer(false, view);
    }

    @Override
    public boolean timedOut() {
      return answer(false, null);
    }
  }
}
