package org.paternoster.view;

/** What the view service knows about one server that has pinged it, as of some {@code now}. */
public record ServerStatus(String id, Role role, long lastPingAgeMs, long viewnum, String address, boolean alive) {
  /** A server's place in the current view. */
  public enum Role { PRIMARY, BACKUP, IDLE }
}
