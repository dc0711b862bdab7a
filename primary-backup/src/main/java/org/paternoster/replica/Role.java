package org.paternoster.replica;

import org.paternoster.view.View;

/** A replica's role in a view, derived from the view alone. */
public enum Role {
  PRIMARY,
  BACKUP,
  IDLE;

  public static Role of(View view, String me) {
    if (me.equals(view.primary())) return PRIMARY;
    if (me.equals(view.backup())) return BACKUP;
    return IDLE;
  }

  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
