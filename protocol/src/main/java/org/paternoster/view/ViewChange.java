package org.paternoster.view;

/**
 * One entry of the view history: a view, when it was announced (epoch ms of the view service's
 * clock), why, and for a failover the milliseconds from the lost primary's last good ping to
 * the new view ({@code null} otherwise).
 */
public record ViewChange(View view, long announcedAt, String reason, Long failoverMs) {
  public ViewChange {
    if (view == null || reason == null) throw new IllegalArgumentException("view and reason are required");
  }

  /** {@code view 3: primary=a backup=b (primary dead, failover 512 ms)}. */
  @Override
  public String toString() {
    return view + " (" + reason + (failoverMs == null ? "" : ", failover " + failoverMs + " ms") + ")";
  }
}
