package org.paternoster.traffic.dispatch;

import org.paternoster.dispatch.GroupDispatcher;
import org.paternoster.dispatch.PaternosterDispatcher;
import org.paternoster.dispatch.EtaDispatcher;
import org.paternoster.dispatch.NearestCarDispatcher;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.assign.Assigners;
import org.paternoster.assign.GroupDispatchAssigner;
import org.paternoster.assign.TimeToIdleAssigner;

/** The dispatchers the benchmark knows, by name. */
public final class Dispatchers {
  /** The baselines of the spec, in the order the summary shows them. */
  public static final List<String> BASELINES =
      List.of(NearestCarDispatcher.NAME, EtaDispatcher.STICKY, EtaDispatcher.REASSIGNED, AssignerDispatcher.TIME_TO_IDLE);

  private Dispatchers() {}

  /** Every name {@link #create} accepts; {@code assigner-cmd} only when a command is given. */
  public static List<String> names(String assignerCmd) {
    List<String> names = new ArrayList<>(BASELINES);
    names.add(PaternosterDispatcher.NAME);
    names.add(PaternosterDispatcher.NO_LOAD);
    names.add(AssignerDispatcher.LIVE);
    if (assignerCmd != null && !assignerCmd.isBlank()) names.add(AssignerDispatcher.EXTERNAL);
    return names;
  }

  /** A fresh dispatcher (they keep state): one per run. */
  public static GroupDispatcher create(String name, String assignerCmd) {
    return switch (name) {
      case NearestCarDispatcher.NAME -> new NearestCarDispatcher();
      case EtaDispatcher.STICKY -> EtaDispatcher.sticky();
      case EtaDispatcher.REASSIGNED -> EtaDispatcher.reassigned();
      case AssignerDispatcher.TIME_TO_IDLE -> new AssignerDispatcher(name, new TimeToIdleAssigner(), true);
      case PaternosterDispatcher.NAME -> new PaternosterDispatcher(true);
      case PaternosterDispatcher.NO_LOAD -> new PaternosterDispatcher(false);
      case AssignerDispatcher.LIVE -> new AssignerDispatcher(name, GroupDispatchAssigner::paternoster, true);
      case AssignerDispatcher.EXTERNAL -> {
        if (assignerCmd == null || assignerCmd.isBlank()) throw new IllegalArgumentException("dispatcher assigner-cmd needs --assigner-cmd");
        yield new AssignerDispatcher(name, Assigners.fromCommandLine(assignerCmd), false);
      }
      default -> throw new IllegalArgumentException("unknown dispatcher " + name + "; known: " + String.join(", ", names(assignerCmd)));
    };
  }
}
