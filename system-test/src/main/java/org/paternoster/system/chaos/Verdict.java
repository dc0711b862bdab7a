package org.paternoster.system.chaos;

import java.util.List;

/**
 * What {@link HistoryChecker} concluded. {@code lost} counts lit-call episodes that were never
 * served (still lit at the end, or whose light went off with no car there with its door open);
 * {@code violations} is empty when every property held.
 */
public record Verdict(int lost, int served, double worstServiceS, List<Violation> violations, List<Episode> episodes) {

  /** A violated property ({@code lostCall}, {@code ackedOrderMissing}, {@code oneWriterAtATime},
   *  {@code oneWriterPerView}, {@code viewnumMonotonic}, {@code hallLightsAgree}), when ({@code t}, history ms) and why. */
  public record Violation(String property, String detail, long t) {}

  /**
   * One stretch of time a call's lamp was lit on at least one node: from {@code on} to {@code off}
   * (null: still lit at the end). {@code servedAt} is when the first node turned it off at the end of
   * the stretch (the moment the call was served), null when not served.
   */
  public record Episode(String call, long on, Long off, boolean served, Long servedAt, String why) {
    public long serviceMs() {
      return servedAt == null ? -1 : servedAt - on;
    }
  }

  public boolean ok() {
    return lost == 0 && violations.isEmpty();
  }
}
