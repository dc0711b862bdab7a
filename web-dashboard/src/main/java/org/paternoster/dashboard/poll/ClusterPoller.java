package org.paternoster.dashboard.poll;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.dashboard.cluster.ViewServiceGroup;
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.dashboard.cluster.ChangeDetector;
import org.paternoster.dashboard.cluster.ClusterSnapshot;
import org.paternoster.dashboard.cluster.ElevatorReport;
import org.paternoster.dashboard.cluster.LatencySeries;
import org.paternoster.dashboard.cluster.Observations;
import org.paternoster.dashboard.cluster.Reading;
import org.paternoster.dashboard.cluster.ReplicaReport;
import org.paternoster.dashboard.cluster.SnapshotBuilder;
import org.paternoster.dashboard.json.ReportJson;
import org.paternoster.view.View;
import org.paternoster.view.ViewChange;
import org.paternoster.view.ViewJson;
import org.paternoster.view.ViewState;

/**
 * The dashboard's eyes: every {@code pollMs} asks the view service ({@code /view}, {@code /servers},
 * and {@code /views} when the view changed), every replica it names ({@code /state}, plus
 * {@code /orders} of the primary) and every elevator node the primary names ({@code /state}).
 * Each answer updates the {@link Observations}, a new snapshot is built, and the listener gets it
 * when the {@link ChangeDetector} says so.
 *
 * <p>Each source has at most one request in flight, so a frozen process delays only its own
 * reading, never the others'. Addresses once seen are remembered: a dead primary keeps being
 * asked (and shown unreachable), and the elevator nodes keep being polled while no primary
 * names them. Every method must be called on the owning verticle's event loop.
 */
public final class ClusterPoller {
  private final Vertx vertx;
  private final JsonGetter http;
  private final Supplier<String> viewServiceUrl;
  private final SnapshotBuilder builder;
  private final LatencySeries latencies;
  private final ChangeDetector changes;
  private final LongSupplier clock;
  private final long pollMs;
  private final Consumer<ClusterSnapshot> listener;
  private final Set<String> inFlight = new HashSet<>();
  private final Map<String, String> replicaAddresses = new HashMap<>();
  private final Map<String, String> nodeAddresses = new HashMap<>();
  private Observations observations = Observations.NONE;
  private ClusterSnapshot latest;
  private long timer = -1;

  /**
   * @param timeoutMs how long any one source may take to answer before it counts as unreachable
   * @param viewServiceUrl asked before every poll (discovery may move it); null while unknown
   * @param clock epoch milliseconds
   * @param listener gets every snapshot worth pushing, on the event loop
   */
  public ClusterPoller(Vertx vertx, WebClient client, long timeoutMs, Supplier<String> viewServiceUrl, SnapshotBuilder builder,
      LatencySeries latencies, ChangeDetector changes, LongSupplier clock, long pollMs, Consumer<ClusterSnapshot> listener) {
    this.vertx = vertx;
    this.http = new JsonGetter(client, timeoutMs);
    this.viewServiceUrl = viewServiceUrl;
    this.builder = builder;
    this.latencies = latencies;
    this.changes = changes;
    this.clock = clock;
    this.pollMs = pollMs;
    this.listener = listener;
    this.latest = builder.build(observations, List.of(), clock.getAsLong());
  }

  public void start() {
    poll();
    timer = vertx.setPeriodic(pollMs, id -> poll());
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  /** The newest snapshot, pushed or not. */
  public ClusterSnapshot latest() {
    return latest;
  }

  /** Where elevator {@code id}'s node answers, if any source named it. */
  public Optional<String> nodeAddress(String id) {
    return Optional.ofNullable(nodeAddresses.get(id));
  }

  /** The view service's base URL as of now, or null while unknown. */
  public String viewServiceUrl() {
    return viewServiceUrl.get();
  }

  private void poll() {
    String url = viewServiceUrl.get();
    observations = observations.withViewServiceUrl(url);
    pollViewService(url);
    Map.copyOf(replicaAddresses).forEach(this::pollReplica);
    Map.copyOf(nodeAddresses).forEach(this::pollNode);
    rebuild();
  }

  private void pollViewService(String url) {
    if (url == null) {
      observations = observations.withView(observations.view().failed("location unknown"));
      return;
    }
    fetch("view", url + "/view", b -> stateOf(followLeader(url, b.toJsonObject())), () -> observations.view(), (ok, reading) -> {
      observations = observations.withView(reading);
      if (!ok && viewServiceUrl instanceof ViewServiceLocator members) members.failed(url); // next poll: next member
      if (ok) {
        learnAddresses(reading.value().view());
        if (historyIsBehind(reading.value().view().viewnum())) {
          fetch("views", url + "/views", b -> ReportJson.history(b.toJsonArray()), () -> observations.history(),
              (okh, h) -> observations = observations.withHistory(h));
        }
      }
    });
    fetch("servers", url + "/servers", b -> ReportJson.servers(b.toJsonArray()), () -> observations.servers(), (ok, reading) -> {
      observations = observations.withServers(reading);
      if (ok) reading.value().stream().filter(s -> s.address() != null).forEach(s -> replicaAddresses.put(s.id(), s.address()));
    });
  }

  /** A member of a replicated view service that does not lead names the one that does: poll that one next. */
  private JsonObject followLeader(String url, JsonObject view) {
    String leader = view.getString("leader");
    io.vertx.core.json.JsonArray listed = view.getJsonArray("members");
    observations = observations.withGroup(listed == null ? ViewServiceGroup.NONE
        : new ViewServiceGroup(listed.stream().map(String::valueOf).toList(), leader));
    if (leader != null && !leader.equals(url) && viewServiceUrl instanceof ViewServiceLocator members) members.redirected(url, leader);
    return view;
  }

  /** The history is fetched again only when its newest entry is not the current view (also after a restart at 0). */
  private boolean historyIsBehind(long viewnum) {
    List<ViewChange> history = observations.history().value();
    if (history == null || observations.history().failing()) return true;
    long newest = history.isEmpty() ? 0 : history.get(history.size() - 1).view().viewnum();
    return newest != viewnum;
  }

  private void pollReplica(String id, String address) {
    fetch("replica:" + id, address + "/state", b -> ReportJson.replica(b.toJsonObject()), () -> observations.replica(id), (ok, reading) -> {
      observations = observations.withReplica(id, reading);
      if (ok && isPrimary(id)) {
        latencies.record(clock.getAsLong(), reading.value().latency());
        learnNodes(reading.value());
      }
    });
    if (isPrimary(id)) {
      fetch("orders:" + id, address + "/orders", b -> ReportJson.orders(b.toJsonObject()), () -> observations.ordersOf(id),
          (ok, reading) -> observations = observations.withOrders(id, reading));
    }
  }

  private void pollNode(String id, String address) {
    fetch("node:" + id, address + "/state", b -> ReportJson.elevator(b.toJsonObject(), address), () -> observations.node(id),
        (ok, reading) -> observations = observations.withNode(id, reading));
  }

  private boolean isPrimary(String id) {
    ViewState view = observations.view().value();
    return view != null && view.view().isPrimary(id);
  }

  private void learnAddresses(View view) {
    if (view.primary() != null && view.primaryAddress() != null) replicaAddresses.put(view.primary(), view.primaryAddress());
    if (view.backup() != null && view.backupAddress() != null) replicaAddresses.put(view.backup(), view.backupAddress());
  }

  private void learnNodes(ReplicaReport primary) {
    for (ElevatorReport e : primary.elevators()) {
      if (e.address() != null) nodeAddresses.put(e.id(), e.address());
    }
  }

  /** The reading callback gets whether this attempt succeeded and the updated reading. */
  private interface ReadingUpdate<T> {
    void accept(boolean ok, Reading<T> reading);
  }

  /**
   * One request per {@code key} at a time. A parse failure counts as a failed attempt, so a
   * malformed answer shows as "malformed answer" instead of silently keeping old data.
   */
  private <T> void fetch(String key, String url, Function<Buffer, T> parse, Supplier<Reading<T>> current, ReadingUpdate<T> update) {
    if (!inFlight.add(key)) return;
    Future<Buffer> answer = http.get(url);
    answer.onComplete(result -> {
      inFlight.remove(key);
      Reading<T> previous = current.get();
      if (result.failed()) {
        update.accept(false, previous.failed(http.describe(result.cause())));
      } else {
        T value;
        try {
          value = parse.apply(result.result());
        } catch (RuntimeException e) {
          update.accept(false, previous.failed("malformed answer: " + e.getMessage()));
          rebuild();
          return;
        }
        update.accept(true, Reading.of(value, clock.getAsLong()));
      }
      rebuild();
    });
  }

  private static ViewState stateOf(JsonObject json) {
    return new ViewState(ViewJson.fromJson(json), Boolean.TRUE.equals(json.getValue("acked")));
  }

  private void rebuild() {
    long now = clock.getAsLong();
    latest = builder.build(observations, latencies.points(), now);
    if (changes.offer(latest, now)) listener.accept(latest);
  }
}
