package org.paternoster.dashboard.cluster;

import java.util.List;

/**
 * The members of a replicated view service and the one that leads, as its {@code GET /view} says
 * (issue 12); {@link #NONE} for a single view service.
 */
public record ViewServiceGroup(List<String> members, String leader) {
  public static final ViewServiceGroup NONE = new ViewServiceGroup(List.of(), null);

  public ViewServiceGroup {
    members = List.copyOf(members);
  }
}
