package org.paternoster.replica.http;

import io.vertx.core.Promise;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.view.View;

/** A client's HTTP request parked until commit: completes with the viewnum, or fails (503 upstream). */
final class PromiseWaiter implements ReplicaHost.Waiter {
  private final Promise<Long> promise;
  private final long timeoutMs;

  PromiseWaiter(Promise<Long> promise, long timeoutMs) {
    this.promise = promise;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public boolean committed(long viewnum) {
    return promise.tryComplete(viewnum);
  }

  @Override
  public boolean notPrimary(View view) {
    return promise.tryFail(new NotPrimary(view));
  }

  @Override
  public boolean timedOut() {
    return promise.tryFail("no commit within " + timeoutMs + " ms");
  }
}
