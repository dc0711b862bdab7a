package org.paternoster.replica.client;

/** The caller withdrew the operation before any attempt of it was answered: nothing more is sent. */
public final class OrderWithdrawn extends RuntimeException {
  public OrderWithdrawn() {
    super("withdrawn before it was committed", null, false, false);
  }
}
