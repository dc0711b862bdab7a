package org.paternoster.view;

/**
 * One view: who is primary and who is backup, numbered. Immutable. The addresses are the ones the
 * servers reported in their pings (may be null when a server sent none).
 *
 * <p>Invariant 4: view numbers only grow; a {@code View} with a higher {@code viewnum} is always
 * newer. Only the primary and the backup of the same {@code viewnum} form a replica pair.
 */
public record View(long viewnum, String primary, String backup, String primaryAddress, String backupAddress) {
  /** View 0: nobody is primary yet. */
  public static final View INITIAL = new View(0, null, null, null, null);

  public View {
    if (viewnum < 0) throw new IllegalArgumentException("viewnum must be >= 0: " + viewnum);
    if (primary == null && backup != null) throw new IllegalArgumentException("backup without primary");
    if (primary != null && primary.equals(backup)) throw new IllegalArgumentException("primary is backup: " + primary);
  }

  public boolean isPrimary(String server) {
    return server != null && server.equals(primary);
  }

  public boolean isBackup(String server) {
    return server != null && server.equals(backup);
  }

  /** True when {@code server} is the primary or the backup. */
  public boolean hasRole(String server) {
    return isPrimary(server) || isBackup(server);
  }

  @Override
  public String toString() {
    return "view " + viewnum + ": primary=" + (primary == null ? "none" : primary)
        + " backup=" + (backup == null ? "none" : backup);
  }
}
