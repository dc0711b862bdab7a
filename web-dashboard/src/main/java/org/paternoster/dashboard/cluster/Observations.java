package org.paternoster.dashboard.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paternoster.view.ServerStatus;
import org.paternoster.view.ViewChange;
import org.paternoster.view.ViewState;

/**
 * The latest reading of every source the dashboard polls, the input of {@link SnapshotBuilder}.
 * Immutable: each {@code with…} returns a copy, so a snapshot can be built from it at any time.
 *
 * @param viewServiceUrl where the view service is believed to be; null while discovery knows none
 * @param view {@code GET /view}
 * @param history {@code GET /views}, oldest first
 * @param servers {@code GET /servers}
 * @param replicas each replica's {@code GET /state}, by replica id
 * @param orders each replica's {@code GET /orders} (only the primary is asked), by replica id
 * @param nodes each elevator node's {@code GET /state}, by elevator id
 * @param group the view service's members and leader, from its latest {@code GET /view}
 */
public record Observations(
    String viewServiceUrl,
    Reading<ViewState> view,
    Reading<List<ViewChange>> history,
    Reading<List<ServerStatus>> servers,
    Map<String, Reading<ReplicaReport>> replicas,
    Map<String, Reading<List<PendingCall>>> orders,
    Map<String, Reading<ElevatorReport>> nodes,
    ViewServiceGroup group) {

  public static final Observations NONE =
      new Observations(null, Reading.none(), Reading.none(), Reading.none(), Map.of(), Map.of(), Map.of(), ViewServiceGroup.NONE);

  public Observations {
    replicas = Map.copyOf(replicas);
    orders = Map.copyOf(orders);
    nodes = Map.copyOf(nodes);
  }

  public Observations withViewServiceUrl(String url) {
    return new Observations(url, view, history, servers, replicas, orders, nodes, group);
  }

  public Observations withGroup(ViewServiceGroup g) {
    return new Observations(viewServiceUrl, view, history, servers, replicas, orders, nodes, g);
  }

  public Observations withView(Reading<ViewState> reading) {
    return new Observations(viewServiceUrl, reading, history, servers, replicas, orders, nodes, group);
  }

  public Observations withHistory(Reading<List<ViewChange>> reading) {
    return new Observations(viewServiceUrl, view, reading, servers, replicas, orders, nodes, group);
  }

  public Observations withServers(Reading<List<ServerStatus>> reading) {
    return new Observations(viewServiceUrl, view, history, reading, replicas, orders, nodes, group);
  }

  public Observations withReplica(String id, Reading<ReplicaReport> reading) {
    return new Observations(viewServiceUrl, view, history, servers, put(replicas, id, reading), orders, nodes, group);
  }

  public Observations withOrders(String replicaId, Reading<List<PendingCall>> reading) {
    return new Observations(viewServiceUrl, view, history, servers, replicas, put(orders, replicaId, reading), nodes, group);
  }

  public Observations withNode(String elevatorId, Reading<ElevatorReport> reading) {
    return new Observations(viewServiceUrl, view, history, servers, replicas, orders, put(nodes, elevatorId, reading), group);
  }

  public Reading<ReplicaReport> replica(String id) {
    return replicas.getOrDefault(id, Reading.none());
  }

  public Reading<List<PendingCall>> ordersOf(String replicaId) {
    return orders.getOrDefault(replicaId, Reading.none());
  }

  public Reading<ElevatorReport> node(String elevatorId) {
    return nodes.getOrDefault(elevatorId, Reading.none());
  }

  private static <T> Map<String, T> put(Map<String, T> map, String key, T value) {
    Map<String, T> copy = new HashMap<>(map);
    copy.put(key, value);
    return copy;
  }
}
