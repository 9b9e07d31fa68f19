package dev.subnetsim.app.session;

import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.components.QueryComponent.CertifiedRead;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.node.ConsensusReplicaLogic;
import dev.subnetsim.replica.node.NodeSigningKey;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.scenarios.engine.LiveRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway reads from a live world. The topology, routing and root key are fixed at
 * assembly; the replica reads ({@link #query}, {@link #certificate},
 * {@link #requestCertificate}) must run on the driver's thread between windows
 * ({@link LiveSession#read}).
 */
public final class LiveWorldView {
  private static final List<String> TERMINAL = List.of("replied", "rejected", "done");

  /** A query's answer (the reply, or the reject code and message) and the node that ran it. */
  public record QueryOutcome(NodeId node, boolean replied, byte[] reply, long rejectCode,
      String rejectMessage) {}

  private final LiveRun run;
  private final byte[] rootKeyDer;
  private final RoutingTable routing;

  public LiveWorldView(LiveRun run) {
    this.run = run;
    SubnetId first = run.topology().subnets().get(0).id();
    var execution = run.factory().execution(first);
    this.routing = execution.routing();
    this.rootKeyDer = execution.registry().rootKeyDer().orElseThrow(() ->
        new IllegalStateException("the world has no root subnet key (real crypto needed)"));
  }

  public byte[] rootKeyDer() {
    return rootKeyDer.clone();
  }

  public RoutingTable routing() {
    return routing;
  }

  public boolean hasSubnet(SubnetId subnet) {
    return run.topology().subnets().stream().anyMatch(s -> s.id().equals(subnet));
  }

  /** The subnet whose registry id is {@code id}. */
  public Optional<SubnetId> subnetWithId(Principal id) {
    return run.topology().subnets().stream().map(s -> s.id()).filter(s -> run.factory()
        .execution(s).registry().entry(s.name()).map(e -> e.id().equals(id)).orElse(false))
        .findFirst();
  }

  /** {@code node}'s signing key (every node of a served world has one). */
  public NodeSigningKey signingKey(NodeId node) {
    return run.factory().signingKey(node).orElseThrow(() -> new IllegalStateException(
        "node " + node + " has no signing key (the world is not served to clients)"));
  }

  public List<NodeId> members(SubnetId subnet) {
    return run.topology().members(subnet);
  }

  /** Example canisters by name, with their number in each subnet's range. */
  private static final java.util.SortedMap<String, Long> CANISTERS = new java.util.TreeMap<>(
      java.util.Map.of("counter", SubnetExecution.COUNTER,
          "chain-key-proxy", SubnetExecution.CHAIN_KEY_PROXY,
          "encrypted-notes", SubnetExecution.ENCRYPTED_NOTES,
          "secret-store", SubnetExecution.SECRET_STORE, "wallet", SubnetExecution.WALLET,
          "mdl-ecdh", SubnetExecution.MDL_ECDH, "identity", SubnetExecution.IDENTITY));

  /** The world for {@code GET /sim/topology}: fixed at assembly, so any thread may ask. */
  public java.util.Map<String, Object> topology(boolean manualTime) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("root_key", java.util.HexFormat.of().formatHex(rootKeyDer));
    out.put("time", manualTime ? "manual" : "live");
    List<Object> subnets = new ArrayList<>();
    for (var s : run.topology().subnets()) {
      var execution = run.factory().execution(s.id());
      java.util.Map<String, Object> sub = new java.util.LinkedHashMap<>();
      sub.put("name", s.id().name());
      execution.registry().entry(s.id().name()).ifPresent(e -> sub.put("id", e.id().toText()));
      sub.put("root", execution.registry().isRoot(s.id().name()));
      sub.put("nodes", run.topology().members(s.id()).size());
      java.util.Map<String, Object> canisters = new java.util.LinkedHashMap<>();
      CANISTERS.forEach((name, local) -> canisters.put(name, Principal.fromBytes(
          execution.canister(local).toBytes()).toText()));
      sub.put("canisters", canisters);
      subnets.add(sub);
    }
    out.put("subnets", subnets);
    return out;
  }

  /** Runs a query on the most advanced state among the subnet's replicas (changes discarded). */
  public QueryOutcome query(SubnetId subnet, CanisterId canister, byte[] caller, String method,
      byte[] arg) {
    Optional<NodeId> node = members(subnet).stream()
        .filter(n -> run.factory().replica(n).isPresent())
        .max(java.util.Comparator.comparingLong(n -> run.factory().replica(n).orElseThrow()
            .state().height()));
    NodeId answering = node.orElse(members(subnet).get(0));
    if (node.isEmpty() || !run.factory().replica(answering).orElseThrow().state().canisters()
        .containsKey(canister)) {
      return new QueryOutcome(answering, false, new byte[0], 3, "canister " + canister
          + " not found");
    }
    ExecutionResult r = run.factory().execution(subnet).query(run.factory().replica(answering)
        .orElseThrow().state(), canister, caller, method, arg);
    if (r.outcome() instanceof ExecutionResult.Replied rep) {
      return new QueryOutcome(answering, true, rep.data(), 0, "");
    }
    if (r.outcome() instanceof ExecutionResult.Rejected rej) {
      return new QueryOutcome(answering, false, new byte[0], rej.code(), rej.message());
    }
    return new QueryOutcome(answering, false, new byte[0], 5, "the query did not reply");
  }

  /** The latest certified state among the subnet's replicas (with the root's delegation). */
  private Optional<CertifiedRead> latest(SubnetId subnet) {
    return members(subnet).stream().map(n -> run.factory().replica(n))
        .flatMap(Optional::stream).map(ConsensusReplicaLogic::certifiedRead)
        .flatMap(Optional::stream)
        .max(java.util.Comparator.comparingLong(c -> c.state().height()));
  }

  /** A certificate (CBOR) of the subnet's latest certified state revealing {@code paths}. */
  public Optional<byte[]> certificate(SubnetId subnet, List<List<byte[]>> paths) {
    List<List<byte[]>> all = new ArrayList<>(paths);
    all.add(List.of(utf8("time")));
    return latest(subnet).map(c -> c.state().certificate(all, c.delegation()).encode());
  }

  /**
   * Once the request's status in the latest certified state is terminal: a certificate revealing
   * it (and the time); empty while it is unknown, received or processing.
   */
  public Optional<byte[]> requestCertificate(SubnetId subnet, byte[] requestId) {
    return latest(subnet).flatMap(c -> {
      LookupResult status = c.state().tree().lookup(List.of(utf8("request_status"), requestId,
          utf8("status")));
      if (!(status instanceof LookupResult.Found f)
          || !TERMINAL.contains(new String(f.value(), StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
      return Optional.of(c.state().certificate(List.of(List.of(utf8("request_status"),
          requestId), List.of(utf8("time"))), c.delegation()).encode());
    });
  }

  /**
   * The request's outcome in the subnet's latest certified state: replied or rejected; empty
   * while it is unknown, received or processing.
   */
  public Optional<SimSession.Reply> requestStatus(SubnetId subnet, byte[] requestId) {
    return latest(subnet).flatMap(c -> {
      var tree = c.state().tree();
      if (!(tree.lookup(List.of(utf8("request_status"), requestId, utf8("status")))
          instanceof LookupResult.Found f)) {
        return Optional.empty();
      }
      String status = new String(f.value(), StandardCharsets.UTF_8);
      switch (status) {
        case "replied" -> {
          return Optional.of(new SimSession.Reply(true, found(tree.lookup(List.of(
              utf8("request_status"), requestId, utf8("reply")))), 0, ""));
        }
        case "rejected" -> {
          long code = dev.subnetsim.chainkey.ic.Leb128.decodeUnsignedLong(found(tree.lookup(
              List.of(utf8("request_status"), requestId, utf8("reject_code")))));
          String message = new String(found(tree.lookup(List.of(utf8("request_status"),
              requestId, utf8("reject_message")))), StandardCharsets.UTF_8);
          return Optional.of(new SimSession.Reply(false, new byte[0], code, message));
        }
        case "done" -> throw new IllegalStateException("the request's reply was pruned (done)");
        default -> {
          return Optional.empty();
        }
      }
    });
  }

  private static byte[] found(LookupResult r) {
    if (!(r instanceof LookupResult.Found f)) {
      throw new IllegalStateException("certified request status without its value: " + r);
    }
    return f.value();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
