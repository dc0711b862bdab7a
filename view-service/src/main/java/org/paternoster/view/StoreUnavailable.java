package org.paternoster.view;

/**
 * The view store failed, so the latest view cannot be revealed yet (invariant 4). The HTTP layer
 * answers 503; the next call retries the save.
 */
public final class StoreUnavailable extends RuntimeException {
  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
