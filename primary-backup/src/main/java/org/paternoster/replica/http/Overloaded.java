package org.paternoster.replica.http;

/**
 * An order refused unseen because {@code waiting} clients already wait for their commit (see
 * {@link ReplicaConfig#maxWaitingOrders()}): answered {@code 503} with {@code Retry-After}.
 */
final class Overloaded extends RuntimeException {
  /** What {@code Retry-After} says, in seconds (the header's unit; a commit takes milliseconds). */
  static final int RETRY_AFTER_S = 1;

  private final int waiting;

  Overloaded(int waiting) {
    super("overloaded", null, false, false);
    this.waiting = waiting;
  }

  int waiting() {
    return waiting;
  }
}
