package org.paternoster.view;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Long polls of {@code GET /view?after=N&waitMs=M}: a client whose primary just stopped answering
 * asks for the first view newer than the one it knows and is answered the moment there is one
 * (at the next {@link #tick}), instead of finding it on a later retry. Sans-I/O: a waiter is any
 * callback; the verticle calls {@link #tick} from its tick timer. One thread (the event loop).
 *
 * <p>Bounded: at most {@link #MAX_WAITERS} waiters; beyond that, and for {@code waitMs == 0}, a
 * request is answered at once, as a plain {@code GET /view} is. A waiter is answered exactly once,
 * with whatever view is current then (newer, or the same one when its wait ran out).
 */
final class ViewWaits {
  /** The longest wait a client may ask for. */
  static final long MAX_WAIT_MS = 2_000;
  /** Waiters kept at once; the view service's memory and tick work stay bounded. */
  static final int MAX_WAITERS = 1_024;

  private record Waiter(long after, long deadline, Runnable answer) {}

  private final List<Waiter> waiters = new ArrayList<>();
  private final LongSupplier viewnum;

  /** {@code viewnum}: the number of the view this process would answer now. */
  ViewWaits(LongSupplier viewnum) {
    this.viewnum = viewnum;
  }

  /**
   * Runs {@code answer} now if the current view is newer than {@code after}, {@code waitMs} is 0
   * or the waiters are full; else once it is, or at {@code now + waitMs}.
   */
  void await(long after, long waitMs, long now, Runnable answer) {
    if (viewnum.getAsLong() > after || waitMs <= 0 || waiters.size() >= MAX_WAITERS) {
      answer.run();
      return;
    }
    waiters.add(new Waiter(after, now + Math.min(waitMs, MAX_WAIT_MS), answer));
  }

  /** Answers every waiter whose view arrived or whose wait ran out. */
  void tick(long now) {
    if (waiters.isEmpty()) return;
    long current = viewnum.getAsLong();
    List<Runnable> due = new ArrayList<>();
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (current > w.after() || now >= w.deadline()) {
        it.remove();
        due.add(w.answer());
      }
    }
    due.forEach(Runnable::run);
  }

  int waiting() {
    return waiters.size();
  }
}
