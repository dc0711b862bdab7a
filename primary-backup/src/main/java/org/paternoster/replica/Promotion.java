package org.paternoster.replica;

import java.util.Optional;

/**
 * How one promotion went, for operators and the failover benchmark: from the moment this replica
 * adopted a view naming it primary, how long until it held the view service's lease, and until it
 * could act (leased, its backup holding the complete book: the first acknowledgement can leave).
 * Sans-I/O: fed the core after every input, with {@code now} on the replica's clock.
 */
public final class Promotion {
  /** A promotion that reached "may act": milliseconds from adopting the view to the lease and to acting. */
  public record Report(long viewnum, String backup, long leaseMs, long actMs) {
    @Override
    public String toString() {
      return "primary of view " + viewnum + ": lease after " + leaseMs + " ms, acting after " + actMs + " ms (backup "
          + (backup == null ? "none" : backup + " holds the book") + ")";
    }
  }

  private long viewnum = -1;
  private long adoptedAt;
  private long leasedAt = -1;
  private boolean reported;

  /** Looks at {@code core} after an input; returns the report once, when a new primary first may act. */
  public Optional<Report> observe(Replica core, long now) {
    if (core.role() != Role.PRIMARY) {
      viewnum = -1;
      return Optional.empty();
    }
    if (core.view().viewnum() != viewnum) {
      viewnum = core.view().viewnum();
      adoptedAt = now;
      leasedAt = -1;
      reported = false;
    }
    if (leasedAt < 0 && core.hasLease(now)) leasedAt = now;
    if (reported || !core.mayAct(now)) return Optional.empty();
    reported = true;
    return Optional.of(new Report(viewnum, core.view().backup(), leasedAt - adoptedAt, now - adoptedAt));
  }
}
