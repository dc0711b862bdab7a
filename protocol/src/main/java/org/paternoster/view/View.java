package org.paternoster.view;

import java.util.Objects;

/**
 * One view: who is primary and who is backup, numbered. Immutable. The addresses are the ones the
 * servers reported in their pings (may be null when a server sent none).
 *
 * <p>Invariant 4: view numbers only grow; a {@code View} with a higher {@code viewnum} is always
 * newer. Only the primary and the backup of the same {@code viewnum} form a replica pair.
 *
 * <p>Invariant 8 (restart = dead): a view names each role by server id <em>and</em> the
 * incarnation (one per process start) the view service appointed. A process of another
 * incarnation holds none of that role's state and must not act in it. A null incarnation (a server
 * that never reported one) matches any process of that id.
 *
 * <p>{@code rebuild}: the view service started a new lineage (view 1, a total loss, or a view
 * service that lost its disk). Only in such a view may a primary start from the book it happens to
 * hold, possibly empty; every older book that returns is then merged into it (invariant 7).
 */
public record View(long viewnum, String primary, String backup, String primaryAddress, String backupAddress,
    String primaryIncarnation, String backupIncarnation, boolean rebuild) {
  /** View 0: nobody is primary yet. */
  public static final View INITIAL = new View(0, null, null, null, null);

  public View {
    if (viewnum < 0) throw new IllegalArgumentException("viewnum must be >= 0: " + viewnum);
    if (primary == null && backup != null) throw new IllegalArgumentException("backup without primary");
    if (primary != null && primary.equals(backup)) throw new IllegalArgumentException("primary is backup: " + primary);
  }

  /** A view without incarnations; it starts a lineage only when it is view 1. */
  public View(long viewnum, String primary, String backup, String primaryAddress, String backupAddress) {
    this(viewnum, primary, backup, primaryAddress, backupAddress, null, null, viewnum == 1);
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

  /** Primary of this view as the process {@code incarnation} of {@code server} (invariant 8). */
  public boolean isPrimary(String server, String incarnation) {
    return isPrimary(server) && matches(primaryIncarnation, incarnation);
  }

  /** Backup of this view as the process {@code incarnation} of {@code server} (invariant 8). */
  public boolean isBackup(String server, String incarnation) {
    return isBackup(server) && matches(backupIncarnation, incarnation);
  }

  private static boolean matches(String appointed, String incarnation) {
    return appointed == null || Objects.equals(appointed, incarnation);
  }

  @Override
  public String toString() {
    return "view " + viewnum + ": primary=" + (primary == null ? "none" : primary)
        + " backup=" + (backup == null ? "none" : backup) + (rebuild ? " (new lineage)" : "");
  }
}
