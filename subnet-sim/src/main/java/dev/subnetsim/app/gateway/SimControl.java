package dev.subnetsim.app.gateway;

import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.net.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The control plane of a served world ({@code /sim/}), as JSON-shaped maps: tick, auto-progress,
 * faults injected now, metrics. A request that cannot be carried out throws
 * {@link IllegalArgumentException} (the client's mistake: 400) or {@link IllegalStateException}
 * (not in this mode: 409), with the reason.
 */
public final class SimControl {
  private static final long READ_TIMEOUT_MILLIS = 60_000;

  private final LiveSession session;
  /** Faults injected so far, in order (what the live page shows). */
  private final List<String> injected = new ArrayList<>();
  private final Set<NodeId> crashed = new TreeSet<>();

  public SimControl(LiveSession session) {
    this.session = session;
  }

  /** Manual time: runs the world up to its next event; the new allowed Unix time. */
  public Map<String, Object> tick() {
    if (!session.clock().isManual()) {
      throw new IllegalStateException("auto-progress is on: time follows the wall clock (turn it"
          + " off with POST /sim/auto-progress?on=false)");
    }
    return Map.of("allowed_unix_nanos", session.clock().epochNanos() + session.tick());
  }

  public Map<String, Object> autoProgress(boolean on) {
    session.autoProgress(on);
    return Map.of("auto_progress", on);
  }

  /**
   * Applies a fault at the next window: {@code {"kind": "crash"|"restart", "node": "app/1"}},
   * {@code {"kind": "partition", "groups": [["app/0", "app/1"], ["app/2", "app/3"]]}} (nodes
   * not listed form one more group) or {@code {"kind": "heal"}}.
   */
  public synchronized Map<String, Object> inject(Map<String, Object> request) {
    Object kind = request.get("kind");
    Fault fault;
    if ("crash".equals(kind)) {
      NodeId n = node(request.get("node"));
      fault = new Fault.Crash(0, n);
      crashed.add(n);
    } else if ("restart".equals(kind)) {
      NodeId n = node(request.get("node"));
      fault = new Fault.Restart(0, n);
      crashed.remove(n);
    } else if ("partition".equals(kind)) {
      fault = new Fault.PartitionNetwork(0, new Partition(groups(request.get("groups"))));
    } else if ("heal".equals(kind)) {
      fault = new Fault.Heal(0);
    } else if ("byzantine".equals(kind)) {
      throw new IllegalArgumentException("Byzantine behaviours are set when the world is"
          + " assembled (a scenario file's byzantine section); they cannot be injected live yet");
    } else {
      throw new IllegalArgumentException("kind must be crash, restart, partition or heal, got "
          + kind);
    }
    session.inject(fault);
    String what = kind + (request.containsKey("node") ? " " + request.get("node")
        : request.containsKey("groups") ? " " + request.get("groups") : "");
    injected.add(what);
    return Map.of("injected", what, "at_unix_nanos", session.replicaUnixNanos());
  }

  /** Time, mode, each subnet's nodes with their executed heights, the faults injected. */
  public Map<String, Object> metrics() {
    List<Object> subnets;
    try {
      subnets = session.read(run -> {
        List<Object> out = new ArrayList<>();
        for (var s : run.topology().subnets()) {
          List<Object> nodes = new ArrayList<>();
          long max = 0;
          for (NodeId n : run.topology().members(s.id())) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("node", n.toString());
            long h = run.factory().replica(n).map(r -> r.state().height()).orElse(0L);
            node.put("executed_height", h);
            node.put("crashed", crashed.contains(n));
            max = Math.max(max, h);
            nodes.add(node);
          }
          Map<String, Object> sub = new LinkedHashMap<>();
          sub.put("name", s.id().name());
          sub.put("max_height", max);
          sub.put("nodes", nodes);
          out.add(sub);
        }
        return out;
      }).get(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the world did not answer: " + e);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    long unix = session.replicaUnixNanos();
    m.put("virtual_time_nanos", unix - session.clock().epochNanos());
    m.put("unix_time_nanos", unix);
    m.put("auto_progress", !session.clock().isManual());
    m.put("subnets", subnets);
    synchronized (this) {
      m.put("faults_injected", List.copyOf(injected));
    }
    return m;
  }

  /** Virtual time and each subnet's highest executed height (the event stream's payload). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> heights() {
    Map<String, Object> m = metrics();
    Map<String, Object> heights = new LinkedHashMap<>();
    for (Object s : (List<Object>) m.get("subnets")) {
      Map<String, Object> sub = (Map<String, Object>) s;
      heights.put((String) sub.get("name"), sub.get("max_height"));
    }
    return Map.of("virtual_time_nanos", m.get("virtual_time_nanos"), "heights", heights);
  }

  /** {@code "subnet/index"}: the index-th node of that subnet. */
  private NodeId node(Object text) {
    if (!(text instanceof String s) || s.indexOf('/') < 0) {
      throw new IllegalArgumentException("node must be \"subnet/index\" (e.g. \"app/1\"), got "
          + text);
    }
    String subnet = s.substring(0, s.indexOf('/'));
    var topology = session.run().topology();
    boolean known = topology.subnets().stream().anyMatch(x -> x.id().name().equals(subnet));
    if (!known) {
      throw new IllegalArgumentException("no subnet " + subnet);
    }
    List<NodeId> members = topology.members(new SubnetId(subnet));
    int index;
    try {
      index = Integer.parseInt(s.substring(s.indexOf('/') + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("node index of " + s + " is not a number");
    }
    if (index < 0 || index >= members.size()) {
      throw new IllegalArgumentException("subnet " + subnet + " has nodes 0.." + (members.size()
          - 1) + ", not " + index);
    }
    return members.get(index);
  }

  private List<Set<NodeId>> groups(Object groups) {
    if (!(groups instanceof List<?> list) || list.size() < 2) {
      throw new IllegalArgumentException("a partition needs groups: at least two lists of"
          + " \"subnet/index\" nodes");
    }
    List<Set<NodeId>> out = new ArrayList<>();
    for (Object g : list) {
      if (!(g instanceof List<?> members) || members.isEmpty()) {
        throw new IllegalArgumentException("each partition group is a non-empty list of nodes");
      }
      Set<NodeId> set = new TreeSet<>();
      for (Object n : members) {
        set.add(node(n));
      }
      out.add(set);
    }
    try {
      new Partition(out);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("partition: " + e.getMessage());
    }
    return out;
  }
}
