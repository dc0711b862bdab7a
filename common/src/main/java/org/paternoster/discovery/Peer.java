package org.paternoster.discovery;

/** A process as announced through discovery: its role, its id within the role, its HTTP base URL. */
public record Peer(String role, String id, String url) {
  public Peer {
    if (role == null || id == null || url == null) throw new IllegalArgumentException("role, id and url are required");
  }
}
