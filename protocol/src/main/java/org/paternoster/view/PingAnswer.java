package org.paternoster.view;

/**
 * The view service's answer to a ping: the durable current view, and the lease it grants the
 * pinging primary ({@code leaseMs > 0}) counted by the primary from when it sent the ping, or 0 for
 * none (invariant 2: the primary acknowledges and pushes only while it holds one).
 */
public record PingAnswer(ViewState state, long leaseMs) {
  public View view() {
    return state.view();
  }
}
