package org.paternoster.replica;

import org.paternoster.view.View;

/** A replica's role in a view, derived from the view and the process incarnation (invariant 8). */
public enum Role {
  PRIMARY,
  BACKUP,
  IDLE;

  public static Role of(View view, String me, String incarnation) {
    if (view.isPrimary(me, incarnation)) return PRIMARY;
    if (view.isBackup(me, incarnation)) return BACKUP;
    return IDLE;
  }

  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
