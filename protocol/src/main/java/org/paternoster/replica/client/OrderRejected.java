package org.paternoster.replica.client;

/** The primary refused the operation as malformed (HTTP 400): resending cannot help. */
public final class OrderRejected extends RuntimeException {
  public OrderRejected(String message) {
    super(message, null, false, false);
  }
}
