package dev.subnetsim.scenarios.dsl;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.ByzantineBehaviour;
import dev.subnetsim.replica.cpu.CpuCosts;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.CpuSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.LatencySpec;
import dev.subnetsim.scenarios.spec.NetworkSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import dev.subnetsim.scenarios.spec.WasmCanisterSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static dev.subnetsim.scenarios.dsl.InputLimits.*;
import static dev.subnetsim.scenarios.dsl.NodeSelectors.nodes;
import static dev.subnetsim.scenarios.dsl.NodeSelectors.selector;

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
  /** The scenario is a classpath resource (the bundled catalog): its modules are resources too. */
  private final boolean onClasspath;

  private ScenarioParser(String file) {
    this(file, false);
  }

  private ScenarioParser(String file, boolean onClasspath) {
    this.file = file;
    this.onClasspath = onClasspath;
  }

  /** As {@link #parse(String, String)} for a scenario read from the classpath resource {@code resource}. */
  static ScenarioSpec parseResource(String resource, String yaml) {
    ScenarioSpec spec = new ScenarioParser(resource, true).scenario(
        YamlReader.read(resource, yaml));
    ScenarioValidator.validate(resource, spec);
    return spec;
  }

  /** Parses and validates; every problem is a {@link ScenarioException} naming file, line, field. */
  public static ScenarioSpec parse(String file, String yaml) {
    ScenarioSpec spec = new ScenarioParser(file).scenario(YamlReader.read(file, yaml));
    ScenarioValidator.validate(file, spec);
    return spec;
  }

  /**
   * Parses and validates {@code yaml} with {@code overrides} applied to its tree first, so each
   * value is read as if written in the file. An error that concerns an overridden field names
   * the override (its {@link FieldOverride#origin()}) as well as file, line and field.
   */
  public static ScenarioSpec parse(String file, String yaml, List<FieldOverride> overrides) {
    YamlNode root = YamlReader.read(file, yaml);
    for (FieldOverride o : overrides) {
      root = YamlOverrides.apply(file, root, o);
    }
    try {
      ScenarioSpec spec = new ScenarioParser(file).scenario(root);
      ScenarioValidator.validate(file, spec);
      return spec;
    } catch (ScenarioException e) {
      throw YamlOverrides.blame(e, overrides);
    }
  }

  private ScenarioSpec scenario(YamlNode root) {
    Fields top = new Fields(file, root);
    String name = top.string("name");
    String description = top.string("description", "");
    long seed = top.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1);
    long duration = top.durationNanos("duration", 1, MAX_DURATION);
    ScenarioSpec.FaultBudget budget =
        top.choice("fault_budget", ScenarioSpec.FaultBudget.class, ScenarioSpec.FaultBudget.WITHIN_F);
    List<SubnetSpec> subnets = top.list("subnets", this::subnet);
    if (subnets.isEmpty()) {
      throw top.error(top.require("subnets"), "expected at least one subnet");
    }
    ConsensusSpec consensus = top.has("consensus") ? consensus(top.child("consensus"), subnets)
        : ConsensusSpec.defaults();
    CpuSpec cpu = top.has("cpu") ? cpu(top.child("cpu")) : CpuSpec.defaults();
    NetworkSpec network = top.has("network") ? network(top.child("network"), subnets)
        : NetworkSpec.defaults();
    WorkloadSpec workload = top.has("workload") ? workload(top.child("workload"), duration)
        : WorkloadSpec.none();
    List<FaultSpec> faults = top.list("faults", this::fault);
    List<InvariantKind> invariants = top.has("invariants")
        ? top.list("invariants", n -> top.choice(n, InvariantKind.class))
        : Arrays.asList(InvariantKind.values());
    List<PassCriterion> pass = top.list("pass", n -> criterion(top, n));
    top.rejectUnknown();
    return new ScenarioSpec(name, description, seed, duration, budget, subnets, consensus, cpu, network,
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
    return new SubnetSpec(new SubnetId(name), role, nodes, regions);
  }

  private ConsensusSpec consensus(Fields f, List<SubnetSpec> subnets) {
    ConsensusSpec d = ConsensusSpec.defaults();
    ConsensusSpec spec = new ConsensusSpec(
        f.durationNanos("unit_delay", 1, MAX_CONSENSUS_DELAY, d.unitDelayNanos()),
        f.durationNanos("initial_notary_delay", 0, MAX_CONSENSUS_DELAY,
            d.initialNotaryDelayNanos()),
        (int) f.integer("dkg_interval", 2, 10_000, d.dkgInterval()),
        (int) f.integer("max_ingress_per_block", 0, 1_000_000, d.maxIngressPerBlock()),
        f.choice("crypto", ConsensusSpec.Crypto.class, d.crypto()),
        f.choice("protocol", ConsensusSpec.Protocol.class, d.protocol()),
        (int) f.integer("fast_path_slack", 0, 100, d.fastPathSlack()));
    if (f.has("fast_path_slack") && spec.protocol() != ConsensusSpec.Protocol.FAST_ICC) {
      throw f.error(f.require("fast_path_slack"), "only fast-icc has a fast path; set"
          + " 'protocol: fast-icc' or drop 'fast_path_slack'");
    }
    for (SubnetSpec s : subnets) {
      var why = spec.consensusProtocol().unsupported(s.nodes());
      if (why.isPresent()) {
        throw f.error(f.require(f.has("fast_path_slack") ? "fast_path_slack" : "protocol"),
            "subnet '" + s.name() + "': " + why.get());
      }
    }
    f.rejectUnknown();
    return spec;
  }

  /**
   * {@code cpu: {cores: N, costs: reference|none|FILE}}: a table file is resolved against this
   * scenario file's folder and read now, so a bad table fails here with its file and line.
   */
  private CpuSpec cpu(Fields f) {
    CpuSpec d = CpuSpec.defaults();
    int cores = (int) f.integer("cores", 1, 1024, d.cores());
    String costs = f.string("costs", d.costs());
    if (!costs.equals(CpuSpec.REFERENCE) && !costs.equals(CpuSpec.NONE)) {
      java.nio.file.Path table = java.nio.file.Path.of(file).toAbsolutePath().getParent()
          .resolve(costs).normalize();
      try {
        CpuCosts.load(table);
      } catch (IllegalArgumentException e) {
        throw f.error(f.require("costs"), e.getMessage());
      }
      costs = table.toString();
    }
    f.rejectUnknown();
    return new CpuSpec(cores, costs);
  }

  private NetworkSpec network(Fields f, List<SubnetSpec> subnets) {
    NetworkSpec d = NetworkSpec.defaults();
    LatencySpec latency = f.has("latency") ? latency(f.child("latency")) : d.latency();
    Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
    if (f.has("regions")) {
      YamlNode.Mapping rows = (YamlNode.Mapping) mapping(f, f.require("regions"));
      // A subnet without regions has its nodes in "default" (SpecWorld's topology).
      java.util.TreeSet<String> regions = new java.util.TreeSet<>();
      subnets.forEach(sub -> regions.addAll(sub.regions().isEmpty() ? List.of("default")
          : sub.regions()));
      for (var row : rows.fields().entrySet()) {
        region(regions, row.getKey(), rows.path(), rows.keyLines().get(row.getKey()));
        Fields cols = new Fields(file, row.getValue());
        YamlNode.Mapping to = (YamlNode.Mapping) row.getValue();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String col : to.fields().keySet()) {
          region(regions, col, to.path(), to.keyLines().get(col));
          out.put(col, cols.durationNanos(col, 1, MAX_LATENCY));
        }
        matrix.put(row.getKey(), out);
      }
    }
    NetworkSpec spec = new NetworkSpec(latency, matrix, f.fraction("loss", d.loss()),
        f.bytesPerSecond("bandwidth", MIN_BYTES_PER_SECOND, MAX_BYTES_PER_SECOND,
            d.bytesPerSecond()));
    f.rejectUnknown();
    return spec;
  }

  /** A matrix entry for a region no node is in would silently do nothing. */
  private void region(java.util.Set<String> regions, String name, String path, int line) {
    if (!regions.contains(name)) {
      throw new ScenarioException(file, line, path + "." + name, "no node is in region '" + name
          + "' (regions of the subnets: " + regions + ")");
    }
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
      case "constant" -> new LatencySpec.Constant(f.durationNanos("value", 1, MAX_LATENCY));
      case "uniform" -> {
        long min = f.durationNanos("min", 1, MAX_LATENCY);
        long max = f.durationNanos("max", 1, MAX_LATENCY);
        if (max < min) {
          throw f.error(f.require("max"), "must not be below min");
        }
        yield new LatencySpec.Uniform(min, max);
      }
      case "lognormal" -> new LatencySpec.LogNormal(f.durationNanos("median", 1, MAX_LATENCY),
          f.number("sigma", 0, MAX_SIGMA, 0.5), f.durationNanos("floor", 1, MAX_LATENCY,
              1_000_000L));
      default -> throw f.error(f.require("model"),
          "expected one of [constant, uniform, lognormal], got '" + model + "'");
    };
    f.rejectUnknown();
    return spec;
  }

  private WorkloadSpec workload(Fields f, long durationNanos) {
    double ingress = f.ratePerSecond("ingress_rate", 0, MAX_INGRESS_RATE, 0);
    SubnetId ingressSubnet = f.has("ingress_subnet") ? f.subnet("ingress_subnet") : null;
    List<String> canisters = f.list("canisters", f::scalar);
    List<WorkloadSpec.RequestStream> requests = f.list("requests", n -> {
      Fields r = new Fields(file, n);
      WorkloadSpec.RequestKind kind = r.choice("kind", WorkloadSpec.RequestKind.class);
      // A stream without a positive rate would send nothing (a ramp starts from its rate).
      r.require("rate");
      double rate = r.ratePerSecond("rate", Double.MIN_VALUE, MAX_REQUEST_RATE, 0);
      double rampTo = r.ratePerSecond("ramp_to", Double.MIN_VALUE, MAX_REQUEST_RATE, rate);
      SubnetId from = r.subnet("from");
      r.rejectUnknown();
      return new WorkloadSpec.RequestStream(kind, rate, rampTo, from);
    });
    double seconds = durationNanos / 1e9;
    double expectedRequests = requests.stream()
        .mapToDouble(r -> Math.max(r.perSecond(), r.rampToPerSecond()) * seconds).sum();
    if (expectedRequests > MAX_REQUESTS) {
      throw f.error(f.require("requests"), String.format(java.util.Locale.ROOT,
          "would make about %.0f chain-key requests over the run, more than %.0f (each "
              + "request's client is kept to check its reply); lower the rates or the duration",
          expectedRequests, MAX_REQUESTS));
    }
    int stash = (int) f.integer("presignature_stash", 0, 4096, WorkloadSpec.AUTO_STASH);
    double stories = f.ratePerSecond("canister_rate", 0, MAX_STORY_RATE,
        WorkloadSpec.DEFAULT_STORY_RATE);
    long storyCanisters = canisters.stream().filter(c -> !c.equals("counter")).count();
    if (stories * storyCanisters * seconds > MAX_STORIES) {
      throw f.error(f.require("canister_rate"), String.format(java.util.Locale.ROOT,
          "would make about %.0f canister stories over the run, more than %.0f (each story's "
              + "user is made before the run); lower the rate or the duration",
          stories * storyCanisters * seconds, MAX_STORIES));
    }
    boolean prefill = f.bool("presignature_prefill", true);
    int inFlight = (int) f.integer("presignatures_in_flight", 1, 4096,
        WorkloadSpec.DEFAULT_IN_FLIGHT);
    int queueLimit = (int) f.integer("request_queue_limit", 1, 1_000_000,
        WorkloadSpec.DEFAULT_QUEUE_LIMIT);
    List<WasmCanisterSpec> wasm = f.list("wasm_canisters",
        n -> WasmCanisterFields.parse(file, onClasspath, n));
    f.rejectUnknown();
    return new WorkloadSpec(ingress, ingressSubnet, canisters, requests, stash, stories, prefill,
        inFlight, queueLimit, wasm);
  }

  private FaultSpec fault(YamlNode node) {
    Fields f = new Fields(file, node);
    long at = f.durationNanos("at", 0, MAX_DURATION);
    String kind = f.string("kind");
    int line = node.line();
    FaultSpec spec = switch (kind) {
      case "crash" -> NodeSelectors.crash(f, at, line);
      case "restart" -> new FaultSpec.Restart(at, line, nodes(f));
      case "pause" -> new FaultSpec.Pause(at, line, nodes(f),
          f.durationNanos("for", 1, MAX_DURATION));
      // Either way: a negative skew is a clock behind.
      case "clock-skew" -> new FaultSpec.ClockSkew(at, line, nodes(f),
          f.durationNanos("skew", -MAX_SKEW, MAX_SKEW));
      case "partition" -> new FaultSpec.Partition(at, line,
          f.list("groups", n -> selector(f, n)));
      case "heal" -> new FaultSpec.Heal(at, line);
      case "link" -> new FaultSpec.LinkFault(at, line, selector(f, f.require("from")),
          selector(f, f.require("to")), f.fraction("loss", 0),
          f.durationNanos("delay", 0, MAX_LATENCY, 0),
          f.durationNanos("until", 1, MAX_DURATION, Long.MAX_VALUE));
      case "byzantine" -> byzantine(f, at, line);
      case "reshare" -> new FaultSpec.Reshare(at, line, f.subnet("from"), f.subnet("to"),
          f.list("keys", f::scalar));
      case "subnet-loss" -> new FaultSpec.SubnetLoss(at, line, f.subnet("subnet"));
      default -> throw f.error(f.require("kind"), "expected one of [crash, restart, pause, "
          + "clock-skew, partition, heal, link, byzantine, reshare, subnet-loss], got '" + kind + "'");
    };
    f.rejectUnknown();
    return spec;
  }

  /** A Byzantine fault; {@code probability} and {@code kinds} only for {@code arbitrary}. */
  private FaultSpec byzantine(Fields f, long at, int line) {
    NodeSelector nodes = nodes(f);
    ByzantineBehaviour behaviour = f.choice("behaviour", ByzantineBehaviour.class);
    if (behaviour != ByzantineBehaviour.ARBITRARY) {
      for (String only : List.of("probability", "kinds")) {
        if (f.has(only)) {
          throw f.error(f.require(only), "only for behaviour 'arbitrary'");
        }
      }
      return new FaultSpec.Byzantine(at, line, nodes, behaviour);
    }
    double probability = f.fraction("probability", FaultSpec.Byzantine.DEFAULT_PROBABILITY);
    List<MessageKind> kinds = f.has("kinds") ? f.list("kinds", n -> {
      String kind = f.scalar(n).trim();
      return MessageKind.fromWireName(kind).orElseThrow(() -> f.error(n, "unknown message kind '"
          + kind + "'; expected one of " + Arrays.stream(MessageKind.values())
          .map(MessageKind::wireName).sorted().toList()));
    }) : List.of();
    return new FaultSpec.Byzantine(at, line, nodes, behaviour, probability, kinds);
  }

  private PassCriterion criterion(Fields f, YamlNode n) {
    String text = f.scalar(n).trim();
    if (text.startsWith("optional:")) {
      return new PassCriterion.Optional(criterion(f, n, text.substring("optional:".length())
          .trim()));
    }
    return criterion(f, n, text);
  }

  private PassCriterion criterion(Fields f, YamlNode n, String text) {
    Matcher m;
    if ((m = LATENCY_BELOW.matcher(text)).matches()) {
      return new PassCriterion.LatencyBelow(text, Integer.parseInt(m.group(1)), m.group(2),
          duration(f, n, m.group(3)));
    }
    if ((m = RESUMES.matcher(text)).matches()) {
      return new PassCriterion.ResumesAfterHeal(text, duration(f, n, m.group(1)));
    }
    if ((m = MIN_HEIGHT.matcher(text)).matches()) {
      if (m.group(1).length() > 10 || Long.parseLong(m.group(1)) > MAX_HEIGHT) {
        throw f.error(n, "height " + m.group(1) + " is out of range (at most " + MAX_HEIGHT + ")");
      }
      return new PassCriterion.MinFinalizedHeight(text, Long.parseLong(m.group(1)),
          new SubnetId(m.group(2)));
    }
    if ((m = STALLS.matcher(text)).matches()) {
      long from = duration(f, n, m.group(2), 0);
      long to = duration(f, n, m.group(3), 1);
      if (to <= from) {
        throw f.error(n, "the stall must end after it starts, got '" + text + "'");
      }
      return new PassCriterion.Stalls(text, new SubnetId(m.group(1)), from, to);
    }
    throw f.error(n, "expected a criterion like 'p99 ecdsa latency < 8s', 'finalization resumes "
        + "within 10s of heal', 'finalized height >= 50 on root' or 'no finalization on root "
        + "between 10s and 30s', got '" + text + "'");
  }


  private long duration(Fields f, YamlNode at, String text) {
    return duration(f, at, text, 1);
  }

  private long duration(Fields f, YamlNode at, String text, long min) {
    return f.durationNanos(new YamlNode.Scalar(at.path(), at.line(), text), min, MAX_DURATION);
  }
}
