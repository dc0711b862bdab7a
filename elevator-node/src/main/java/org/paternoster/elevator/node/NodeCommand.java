package org.paternoster.elevator.node;

import java.util.Map;
import org.paternoster.orders.Call;

/** What the node core asks its shell to do. */
public sealed interface NodeCommand {
  /** Press {@code call} at the primary (retried with one request id until committed). */
  record SubmitPress(Call call) implements NodeCommand {}

  /**
   * Stop resending the press of {@code call} in flight: this car served it before the primary
   * committed it, so committing it now would only light a lamp for a passenger already picked up.
   * The shell answers with {@link NodeCore#withdrawn} unless an attempt already committed it.
   */
  record WithdrawPress(Call call) implements NodeCommand {}

  /** Report that {@code call}, as incarnation {@code callSeq}, was served. */
  record SubmitServed(Call call, long callSeq) implements NodeCommand {}

  /** Make the lit cab calls durable (floor → callSeq, 0 while not yet committed) before lighting them. */
  record PersistCab(Map<Integer, Long> cab) implements NodeCommand {}
}
