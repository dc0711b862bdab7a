package org.paternoster.view;

/**
 * The current view and whether its primary has acknowledged it (pinged with its number).
 *
 * <p>Invariant 3: the view service advances past {@code view} only when {@code acked}.
 */
public record ViewState(View view, boolean acked) {
  public static final ViewState INITIAL = new ViewState(View.INITIAL, false);

  public ViewState {
    if (view == null) throw new IllegalArgumentException("view is null");
  }
}
