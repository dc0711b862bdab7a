package org.paternoster.view.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The members of a replicated view service (issue 12), as {@code --members HOST:PORT[:CONSENSUS],...}
 * names them: each member's HTTP address (what replicas, nodes and the dashboard use) and its
 * consensus address (Ratis, by default the HTTP port + 1). Every member must be started with the
 * same list; the one whose {@code HOST:PORT} is this process's {@code --advertise}d (or
 * {@code --host}) address and {@code --port} is {@link #self()}.
 */
public record GroupMembers(List<Member> members, Member self) {

  /** One member. Its id (for the consensus engine) is derived from its HTTP address, so it is stable. */
  public record Member(String host, int port, int consensusPort) {
    public String id() {
      return host.replaceAll("[^A-Za-z0-9]", "_") + "_" + port;
    }

    public String url() {
      return "http://" + host + ":" + port;
    }

    public String consensusAddress() {
      return host + ":" + consensusPort;
    }
  }

  public GroupMembers {
    members = List.copyOf(members);
    if (!members.contains(self)) throw new IllegalArgumentException("this member is not in the list");
  }

  /**
   * Parses {@code list}; this member is the entry whose host and HTTP port are {@code selfHost}
   * and {@code selfPort}, and {@code selfConsensusPort} (when given) overrides its consensus port.
   *
   * @throws IllegalArgumentException with a message for the user on any bad entry
   */
  public static GroupMembers parse(String list, String selfHost, int selfPort, Integer selfConsensusPort) {
    List<Member> members = new ArrayList<>();
    Member self = null;
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) continue;
      String[] parts = entry.split(":");
      if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
        throw new IllegalArgumentException("--members entry '" + entry + "' is not HOST:PORT or HOST:PORT:CONSENSUS_PORT");
      }
      int port = port(parts[1], entry);
      int consensus = parts.length == 3 ? port(parts[2], entry) : port + 1;
      if (parts[0].equals(selfHost) && port == selfPort && selfConsensusPort != null) consensus = selfConsensusPort;
      Member m = new Member(parts[0], port, consensus);
      if (members.stream().anyMatch(o -> o.id().equals(m.id()))) throw new IllegalArgumentException("--members lists " + entry + " twice");
      members.add(m);
      if (parts[0].equals(selfHost) && port == selfPort) self = m;
    }
    if (members.size() < 3 || members.size() % 2 == 0) {
      throw new IllegalArgumentException("--members needs an odd number of members, at least 3 (2f+1 survive f failures), got " + members.size());
    }
    if (self == null) {
      throw new IllegalArgumentException("--members does not list this member (" + selfHost + ":" + selfPort + "); give --advertise or --host as listed");
    }
    return new GroupMembers(members, self);
  }

  private static int port(String text, String entry) {
    try {
      int p = Integer.parseInt(text);
      if (p < 1 || p > 65535) throw new NumberFormatException();
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--members entry '" + entry + "' has a bad port '" + text + "'");
    }
  }

  /** The member with consensus id {@code id}. */
  public Optional<Member> byId(String id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public List<String> urls() {
    return members.stream().map(Member::url).toList();
  }
}
