package dev.subnetsim.scenarios.dsl;

import dev.subnetsim.scenarios.spec.ByzantineBehaviour;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.LatencySpec;
import dev.subnetsim.scenarios.spec.NetworkSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML text to {@link ScenarioSpec}: the syntax half (types, units, unknown keys). The semantic
 * half (references, ranges, fault budget) is {@link ScenarioValidator}. Reference:
 * scenarios/README.md.
 */
public final class ScenarioParser {
  private static final Pattern LATENCY_BELOW =
      Pattern.compile("p(\\d{1,2}) ([a-z_]+) latency < (\\S+)");
  private static final Pattern RESUMES =
      Pattern.compile("finalization resumes within (\\S+) of heal");
  private static final Pattern MIN_HEIGHT =
      Pattern.compile("finalized height >= (\\d+) on ([A-Za-z0-9_-]+)");
  private static final Pattern STALLS =
      Pattern.compile("no finalization on ([A-Za-z0-9_-]+) between (\\S+) and (\\S+)");

  private final String file;

  private ScenarioParser(String file) {
    this.file = file;
  }

  /** Parses and validates; every problem is a {@link ScenarioException} naming file, line, field. */
  public static ScenarioSpec parse(String file, String yaml) {
    ScenarioSpec spec = new ScenarioParser(file).scenario(YamlReader.read(file, yaml));
    ScenarioValidator.validate(file, spec);
    return spec;
  }

  private ScenarioSpec scenario(YamlNode root) {
    Fields top = new Fields(file, root);
    String name = top.string("name");
    String description = top.string("description", "");
    long seed = top.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
    long duration = top.durationNanos("duration");
    ScenarioSpec.FaultBudget budget =
        top.choice("fault_budget", ScenarioSpec.FaultBudget.class, ScenarioSpec.FaultBudget.WITHIN_F);
    List<SubnetSpec> subnets = top.list("subnets", this::subnet);
    if (subnets.isEmpty()) {
      throw top.error(top.require("subnets"), "expected at least one subnet");
    }
    ConsensusSpec consensus = top.has("consensus") ? consensus(top.child("consensus"))
        : ConsensusSpec.defaults();
    NetworkSpec network = top.has("network") ? network(top.child("network")) : NetworkSpec.defaults();
    WorkloadSpec workload = top.has("workload") ? workload(top.child("workload")) : WorkloadSpec.none();
    List<FaultSpec> faults = top.list("faults", this::fault);
    List<InvariantKind> invariants = top.has("invariants")
        ? top.list("invariants", n -> top.choice(n, InvariantKind.class))
        : Arrays.asList(InvariantKind.values());
    List<PassCriterion> pass = top.list("pass", n -> criterion(top, n));
    top.rejectUnknown();
    return new ScenarioSpec(name, description, seed, duration, budget, subnets, consensus, network,
        workload, faults, invariants, pass);
  }

  private SubnetSpec subnet(YamlNode node) {
    Fields f = new Fields(file, node);
    String name = f.string("name");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw f.error(f.require("name"), "expected a name of letters, digits, '-' or '_', got '" + name + "'");
    }
    SubnetRole role = f.choice("role", SubnetRole.class, SubnetRole.APP);
    int nodes = (int) f.integer("nodes", 1, 100);
    List<String> regions = f.list("regions", f::scalar);
    f.rejectUnknown();
    return new SubnetSpec(name, role, nodes, regions);
  }

  private ConsensusSpec consensus(Fields f) {
    ConsensusSpec d = ConsensusSpec.defaults();
    ConsensusSpec spec = new ConsensusSpec(
        f.durationNanos("unit_delay", d.unitDelayNanos()),
        f.durationNanos("initial_notary_delay", d.initialNotaryDelayNanos()),
        (int) f.integer("dkg_interval", 2, 10_000, d.dkgInterval()),
        (int) f.integer("max_ingress_per_block", 0, 1_000_000, d.maxIngressPerBlock()),
        f.choice("crypto", ConsensusSpec.Crypto.class, d.crypto()));
    f.rejectUnknown();
    return spec;
  }

  private NetworkSpec network(Fields f) {
    NetworkSpec d = NetworkSpec.defaults();
    LatencySpec latency = f.has("latency") ? latency(f.child("latency")) : d.latency();
    Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
    if (f.has("regions")) {
      YamlNode.Mapping rows = (YamlNode.Mapping) mapping(f, f.require("regions"));
      for (var row : rows.fields().entrySet()) {
        Fields cols = new Fields(file, row.getValue());
        Map<String, Long> out = new LinkedHashMap<>();
        for (String to : ((YamlNode.Mapping) row.getValue()).fields().keySet()) {
          out.put(to, cols.durationNanos(to));
        }
        matrix.put(row.getKey(), out);
      }
    }
    NetworkSpec spec = new NetworkSpec(latency, matrix, f.fraction("loss", d.loss()),
        f.bytesPerSecond("bandwidth", d.bytesPerSecond()));
    f.rejectUnknown();
    return spec;
  }

  private YamlNode mapping(Fields f, YamlNode n) {
    if (!(n instanceof YamlNode.Mapping)) {
      throw f.error(n, "expected a mapping, got " + n.describe());
    }
    return n;
  }

  private LatencySpec latency(Fields f) {
    String model = f.string("model", "constant");
    LatencySpec spec = switch (model) {
      case "constant" -> new LatencySpec.Constant(f.durationNanos("value"));
      case "uniform" -> {
        long min = f.durationNanos("min");
        long max = f.durationNanos("max");
        if (max < min) {
          throw f.error(f.require("max"), "must not be below min");
        }
        yield new LatencySpec.Uniform(min, max);
      }
      case "lognormal" -> new LatencySpec.LogNormal(f.durationNanos("median"),
          f.number("sigma", 0, 0.5), f.durationNanos("floor", 1_000_000L));
      default -> throw f.error(f.require("model"),
          "expected one of [constant, uniform, lognormal], got '" + model + "'");
    };
    f.rejectUnknown();
    return spec;
  }

  private WorkloadSpec workload(Fields f) {
    double ingress = f.ratePerSecond("ingress_rate", 0);
    String ingressSubnet = f.string("ingress_subnet", null);
    List<String> canisters = f.list("canisters", f::scalar);
    List<WorkloadSpec.RequestStream> requests = f.list("requests", n -> {
      Fields r = new Fields(file, n);
      WorkloadSpec.RequestKind kind = r.choice("kind", WorkloadSpec.RequestKind.class);
      double rate = r.ratePerSecond("rate", 0);
      double rampTo = r.ratePerSecond("ramp_to", rate);
      String from = r.string("from");
      r.rejectUnknown();
      return new WorkloadSpec.RequestStream(kind, rate, rampTo, from);
    });
    int stash = (int) f.integer("presignature_stash", 0, 4096, WorkloadSpec.AUTO_STASH);
    double stories = f.ratePerSecond("canister_rate", WorkloadSpec.DEFAULT_STORY_RATE);
    boolean prefill = f.bool("presignature_prefill", true);
    int inFlight = (int) f.integer("presignatures_in_flight", 1, 4096,
        WorkloadSpec.DEFAULT_IN_FLIGHT);
    int queueLimit = (int) f.integer("request_queue_limit", 1, 1_000_000,
        WorkloadSpec.DEFAULT_QUEUE_LIMIT);
    f.rejectUnknown();
    return new WorkloadSpec(ingress, ingressSubnet, canisters, requests, stash, stories, prefill,
        inFlight, queueLimit);
  }

  private FaultSpec fault(YamlNode node) {
    Fields f = new Fields(file, node);
    long at = f.durationNanos("at");
    String kind = f.string("kind");
    int line = node.line();
    FaultSpec spec = switch (kind) {
      case "crash" -> new FaultSpec.Crash(at, line, nodes(f));
      case "restart" -> new FaultSpec.Restart(at, line, nodes(f));
      case "pause" -> new FaultSpec.Pause(at, line, nodes(f), f.durationNanos("for"));
      case "clock-skew" -> new FaultSpec.ClockSkew(at, line, nodes(f), signedDuration(f, "skew"));
      case "partition" -> new FaultSpec.Partition(at, line,
          f.list("groups", n -> selector(f, n)));
      case "heal" -> new FaultSpec.Heal(at, line);
      case "link" -> new FaultSpec.LinkFault(at, line, selector(f, f.require("from")),
          selector(f, f.require("to")), f.fraction("loss", 0), f.durationNanos("delay", 0),
          f.durationNanos("until", Long.MAX_VALUE));
      case "byzantine" -> new FaultSpec.Byzantine(at, line, nodes(f),
          f.choice("behaviour", ByzantineBehaviour.class));
      case "reshare" -> new FaultSpec.Reshare(at, line, f.string("from"), f.string("to"),
          f.list("keys", f::scalar));
      case "subnet-loss" -> new FaultSpec.SubnetLoss(at, line, f.string("subnet"));
      default -> throw f.error(f.require("kind"), "expected one of [crash, restart, pause, "
          + "clock-skew, partition, heal, link, byzantine, reshare, subnet-loss], got '" + kind + "'");
    };
    f.rejectUnknown();
    return spec;
  }

  /** {@code subnet: root} with {@code nodes: [0, 2]} or {@code nodes: 0-3}. */
  private NodeSelector nodes(Fields f) {
    String subnet = f.string("subnet");
    YamlNode n = f.require("nodes");
    return new NodeSelector(subnet, indices(f, n, n instanceof YamlNode.Scalar s ? s.text() : null));
  }

  /** {@code "root:0-3,7"} */
  private NodeSelector selector(Fields f, YamlNode n) {
    String text = f.scalar(n).trim();
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw f.error(n, "expected nodes like 'root:0-3,7', got '" + text + "'");
    }
    return new NodeSelector(text.substring(0, colon), indices(f, n, text.substring(colon + 1)));
  }

  private List<Integer> indices(Fields f, YamlNode n, String ranges) {
    List<Integer> out = new ArrayList<>();
    if (ranges == null) {
      for (YamlNode item : ((YamlNode.Sequence) n).items()) {
        out.add((int) f.integer(item, 0, 999));
      }
      return out;
    }
    for (String part : ranges.split(",")) {
      Matcher m = Pattern.compile("\\s*(\\d+)\\s*(?:-\\s*(\\d+)\\s*)?").matcher(part);
      if (!m.matches()) {
        throw f.error(n, "expected node indices like '0-3,7', got '" + ranges + "'");
      }
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      if (to < from) {
        throw f.error(n, "range " + part.trim() + " is empty");
      }
      for (int i = from; i <= to; i++) {
        out.add(i);
      }
    }
    return out;
  }

  private PassCriterion criterion(Fields f, YamlNode n) {
    String text = f.scalar(n).trim();
    Matcher m;
    if ((m = LATENCY_BELOW.matcher(text)).matches()) {
      return new PassCriterion.LatencyBelow(text, Integer.parseInt(m.group(1)), m.group(2),
          duration(f, n, m.group(3)));
    }
    if ((m = RESUMES.matcher(text)).matches()) {
      return new PassCriterion.ResumesAfterHeal(text, duration(f, n, m.group(1)));
    }
    if ((m = MIN_HEIGHT.matcher(text)).matches()) {
      return new PassCriterion.MinFinalizedHeight(text, Long.parseLong(m.group(1)), m.group(2));
    }
    if ((m = STALLS.matcher(text)).matches()) {
      return new PassCriterion.Stalls(text, m.group(1), duration(f, n, m.group(2)),
          duration(f, n, m.group(3)));
    }
    throw f.error(n, "expected a criterion like 'p99 ecdsa latency < 8s', 'finalization resumes "
        + "within 10s of heal', 'finalized height >= 50 on root' or 'no finalization on root "
        + "between 10s and 30s', got '" + text + "'");
  }

  /** A duration that may be negative: {@code skew: -300ms} is a clock running behind. */
  private long signedDuration(Fields f, String key) {
    YamlNode n = f.require(key);
    String text = f.scalar(n).trim();
    boolean behind = text.startsWith("-");
    long nanos = duration(f, n, behind ? text.substring(1) : text);
    return behind ? -nanos : nanos;
  }

  private long duration(Fields f, YamlNode at, String text) {
    return f.durationNanos(new YamlNode.Scalar(at.path(), at.line(), text));
  }
}
