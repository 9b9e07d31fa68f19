package dev.subnetsim.scenarios.fuzz;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.LatencySpec;
import dev.subnetsim.scenarios.spec.NetworkSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import dev.subnetsim.scenarios.spec.WasmCanisterSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link ScenarioSpec} as scenario-file text that parses back to the same spec (fault line
 * numbers aside): how a fuzzed or shrunk schedule becomes a file {@code subnet-sim run} takes.
 * Durations are written exactly (in the largest unit that divides them), every field explicitly.
 */
public final class ScenarioYaml {
  private ScenarioYaml() {}

  public static String write(ScenarioSpec s) {
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(quoted(s.name())).append('\n');
    y.append("description: ").append(quoted(s.description())).append('\n');
    y.append("seed: ").append(s.seed()).append('\n');
    y.append("duration: ").append(duration(s.durationNanos())).append('\n');
    y.append("fault_budget: ").append(wire(s.faultBudget())).append('\n');
    y.append("subnets:\n");
    for (SubnetSpec sub : s.subnets()) {
      y.append("  - {name: ").append(quoted(sub.name())).append(", role: ")
          .append(wire(sub.role())).append(", nodes: ").append(sub.nodes());
      if (!sub.regions().isEmpty()) {
        y.append(", regions: ").append(list(sub.regions().stream().map(ScenarioYaml::quoted)
            .toList()));
      }
      y.append("}\n");
    }
    ConsensusSpec c = s.consensus();
    y.append("consensus: {unit_delay: ").append(duration(c.unitDelayNanos()))
        .append(", initial_notary_delay: ").append(duration(c.initialNotaryDelayNanos()))
        .append(", dkg_interval: ").append(c.dkgInterval())
        .append(", max_ingress_per_block: ").append(c.maxIngressPerBlock())
        .append(", crypto: ").append(wire(c.crypto()))
        .append(", protocol: ").append(wire(c.protocol()))
        .append(c.fastPathSlack() >= 0 ? ", fast_path_slack: " + c.fastPathSlack() : "")
        .append("}\n");
    y.append("cpu: {cores: ").append(s.cpu().cores()).append(", costs: ")
        .append(quoted(s.cpu().costs())).append("}\n");
    network(y, s.network());
    workload(y, s.workload());
    y.append("faults:").append(s.faults().isEmpty() ? " []\n" : "\n");
    for (FaultSpec f : s.faults()) {
      y.append("  - ").append(fault(f)).append('\n');
    }
    y.append("invariants: ").append(list(s.invariants().stream().map(ScenarioYaml::wire)
        .toList())).append('\n');
    y.append("pass:").append(s.pass().isEmpty() ? " []\n" : "\n");
    for (PassCriterion p : s.pass()) {
      y.append("  - ").append(quoted(p.text())).append('\n');
    }
    return y.toString();
  }

  private static void network(StringBuilder y, NetworkSpec n) {
    y.append("network:\n  latency: ").append(latency(n.latency())).append('\n');
    if (!n.regionLatencyNanos().isEmpty()) {
      y.append("  regions:\n");
      for (Map.Entry<String, Map<String, Long>> row : n.regionLatencyNanos().entrySet()) {
        y.append("    ").append(quoted(row.getKey())).append(": {")
            .append(row.getValue().entrySet().stream()
                .map(e -> quoted(e.getKey()) + ": " + duration(e.getValue()))
                .collect(Collectors.joining(", "))).append("}\n");
      }
    }
    y.append("  loss: ").append(number(n.loss())).append('\n');
    y.append("  bandwidth: ").append(number(n.bytesPerSecond())).append("B/s\n");
  }

  private static String latency(LatencySpec l) {
    if (l instanceof LatencySpec.Constant c) {
      return "{model: constant, value: " + duration(c.nanos()) + "}";
    } else if (l instanceof LatencySpec.Uniform u) {
      return "{model: uniform, min: " + duration(u.minNanos()) + ", max: "
          + duration(u.maxNanos()) + "}";
    }
    LatencySpec.LogNormal g = (LatencySpec.LogNormal) l;
    return "{model: lognormal, median: " + duration(g.medianNanos()) + ", sigma: "
        + number(g.sigma()) + ", floor: " + duration(g.floorNanos()) + "}";
  }

  private static void workload(StringBuilder y, WorkloadSpec w) {
    y.append("workload:\n");
    y.append("  ingress_rate: ").append(number(w.ingressPerSecond())).append("/s\n");
    if (w.ingressSubnet() != null) {
      y.append("  ingress_subnet: ").append(quoted(w.ingressSubnet())).append('\n');
    }
    y.append("  canisters: ").append(list(w.canisters().stream().map(ScenarioYaml::quoted)
        .toList())).append('\n');
    y.append("  canister_rate: ").append(number(w.canisterStoriesPerSecond())).append("/s\n");
    y.append("  requests:").append(w.requests().isEmpty() ? " []\n" : "\n");
    for (WorkloadSpec.RequestStream r : w.requests()) {
      y.append("    - {kind: ").append(wire(r.kind())).append(", rate: ")
          .append(number(r.perSecond())).append("/s, ramp_to: ")
          .append(number(r.rampToPerSecond())).append("/s, from: ").append(quoted(r.fromSubnet()))
          .append("}\n");
    }
    if (w.presignatureStash() != WorkloadSpec.AUTO_STASH) {
      y.append("  presignature_stash: ").append(w.presignatureStash()).append('\n');
    }
    y.append("  presignature_prefill: ").append(w.presignaturePrefill()).append('\n');
    y.append("  presignatures_in_flight: ").append(w.presignaturesInFlight()).append('\n');
    y.append("  request_queue_limit: ").append(w.requestQueueLimit()).append('\n');
    if (!w.wasmCanisters().isEmpty()) {
      y.append("  wasm_canisters:\n");
      for (WasmCanisterSpec c : w.wasmCanisters()) {
        y.append("    - ").append(wasm(c)).append('\n');
      }
    }
  }

  /**
   * One Wasm canister: its resolved module location (an absolute file or a {@code classpath:}
   * resource, so the written file finds it wherever it is saved) and every field explicitly.
   */
  private static String wasm(WasmCanisterSpec c) {
    HexFormat hex = HexFormat.of();
    return "{path: " + quoted(c.path())
        + (c.subnet() != null ? ", subnet: " + quoted(c.subnet()) : "")
        + ", init_arg: " + quoted(hex.formatHex(c.initArg()))
        + (c.method().isEmpty() ? "" : ", method: " + quoted(c.method()))
        + ", arg: " + quoted(hex.formatHex(c.callArg()))
        + ", rate: " + number(c.callsPerSecond()) + "/s"
        + ", instruction_limit: " + c.instructionLimit() + "}";
  }

  /** One fault as its line in a scenario file's {@code faults} list. */
  public static String fault(FaultSpec f) {
    String at = "{at: " + duration(f.atNanos()) + ", kind: ";
    if (f instanceof FaultSpec.Crash c) {
      return at + "crash, " + (c.counted() ? "subnet: " + quoted(c.nodes().subnet()) + ", count: "
          + c.nodes().indices().size() : nodes(c.nodes())) + "}";
    } else if (f instanceof FaultSpec.Restart r) {
      return at + "restart, " + nodes(r.nodes()) + "}";
    } else if (f instanceof FaultSpec.Pause p) {
      return at + "pause, " + nodes(p.nodes()) + ", for: " + duration(p.forNanos()) + "}";
    } else if (f instanceof FaultSpec.ClockSkew k) {
      return at + "clock-skew, " + nodes(k.nodes()) + ", skew: "
          + (k.skewNanos() < 0 ? "-" + duration(-k.skewNanos()) : duration(k.skewNanos())) + "}";
    } else if (f instanceof FaultSpec.Partition p) {
      return at + "partition, groups: " + list(p.groups().stream().map(ScenarioYaml::selector)
          .toList()) + "}";
    } else if (f instanceof FaultSpec.Heal) {
      return at + "heal}";
    } else if (f instanceof FaultSpec.LinkFault l) {
      return at + "link, from: " + selector(l.from()) + ", to: " + selector(l.to()) + ", loss: "
          + number(l.loss()) + ", delay: " + duration(l.extraDelayNanos())
          + (l.untilNanos() == Long.MAX_VALUE ? "" : ", until: " + duration(l.untilNanos()))
          + "}";
    } else if (f instanceof FaultSpec.Byzantine b) {
      return at + "byzantine, " + nodes(b.nodes()) + ", behaviour: " + wire(b.behaviour()) + "}";
    } else if (f instanceof FaultSpec.Reshare r) {
      return at + "reshare, from: " + quoted(r.fromSubnet()) + ", to: " + quoted(r.toSubnet())
          + ", keys: " + list(r.keys().stream().map(ScenarioYaml::quoted).toList()) + "}";
    }
    FaultSpec.SubnetLoss l = (FaultSpec.SubnetLoss) f;
    return at + "subnet-loss, subnet: " + quoted(l.subnet()) + "}";
  }

  private static String nodes(NodeSelector s) {
    return "subnet: " + quoted(s.subnet()) + ", nodes: " + list(s.indices().stream()
        .map(String::valueOf).toList());
  }

  private static String selector(NodeSelector s) {
    return quoted(s.subnet() + ":" + s.indices().stream().map(String::valueOf)
        .collect(Collectors.joining(",")));
  }

  /** Exact: in the largest of s, ms, us, ns that divides it. */
  static String duration(long nanos) {
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    } else if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    } else if (nanos % 1_000L == 0) {
      return nanos / 1_000L + "us";
    }
    return nanos + "ns";
  }

  /** The shortest decimal that reads back as the same double, never in exponent form. */
  private static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String wire(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String list(List<String> items) {
    return "[" + String.join(", ", items) + "]";
  }

  private static String quoted(SubnetId subnet) {
    return quoted(subnet.name());
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
