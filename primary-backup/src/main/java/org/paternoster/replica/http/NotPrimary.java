package org.paternoster.replica.http;

import org.paternoster.view.View;

/** A client operation reached a replica that is not (or no longer) the primary of {@code view}. */
public final class NotPrimary extends RuntimeException {
  private final transient View view;

  public NotPrimary(View view) {
    super("not primary", null, false, false);
    this.view = view;
  }

  public View view() {
    return view;
  }
}
