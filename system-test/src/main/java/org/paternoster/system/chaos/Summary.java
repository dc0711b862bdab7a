package org.paternoster.system.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The one-line JSON summary of a run (the last line chaos.sh prints). */
public final class Summary {
  private Summary() {}

  /** The run's facts besides the verdict. */
  public record Run(long seed, double durationS, double drainS, boolean drained, Map<String, Integer> faults,
      String networkFaults, String network, List<Event> events, String timeline, String out, List<String> crashed) {}

  public static JsonObject json(Run run, Verdict verdict, List<Failovers.Failover> failovers) {
    JsonArray violations = new JsonArray();
    verdict.violations().forEach(v -> violations.add(new JsonObject().put("property", v.property()).put("detail", v.detail())));
    JsonArray fo = new JsonArray();
    failovers.forEach(f -> fo.add(new JsonObject().put("viewnum", f.viewnum()).put("from", f.from()).put("to", f.to())
        .put("reason", f.reason()).put("failoverMs", f.failoverMs()).put("observedMs", f.observedMs())));
    long presses = run.events().stream().filter(e -> e instanceof Event.Press).count();
    long acks = run.events().stream().filter(e -> e instanceof Event.Ack).count();
    long lastView = run.events().stream().filter(e -> e instanceof Event.ViewSeen).mapToLong(e -> ((Event.ViewSeen) e).viewnum())
        .max().orElse(0);
    int faultsTotal = run.faults().values().stream().mapToInt(Integer::intValue).sum();
    double meanService = verdict.episodes().stream().filter(Verdict.Episode::served).mapToLong(Verdict.Episode::serviceMs)
        .average().orElse(0) / 1000.0;
    return new JsonObject()
        .put("chaos", "summary")
        .put("seed", run.seed())
        .put("ok", verdict.ok())
        .put("durationS", run.durationS())
        .put("lost", verdict.lost())
        .put("served", verdict.served())
        .put("violations", violations)
        .put("worstServiceS", round(verdict.worstServiceS()))
        .put("meanServiceS", round(meanService))
        .put("failovers", fo)
        .put("unexplainedFailovers", failovers.stream().filter(f -> f.observedMs() == null).count())
        .put("faults", new JsonObject(Map.copyOf(run.faults()).entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue()))))
        .put("faultsTotal", faultsTotal)
        .put("networkFaults", run.networkFaults())
        .put("presses", presses)
        .put("acks", acks)
        .put("lastViewnum", lastView)
        .put("drainS", round(run.drainS()))
        .put("drained", run.drained())
        .put("crashed", new JsonArray(run.crashed()))
        .put("network", run.network())
        .put("timeline", run.timeline())
        .put("out", run.out());
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
