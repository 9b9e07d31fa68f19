package dev.subnetsim.scenarios.world;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.wasm.CanisterModule;
import dev.subnetsim.replica.wasm.WasmCanisterProgram;
import dev.subnetsim.replica.wasm.WasmLimits;
import dev.subnetsim.replica.wasm.WasmLoadException;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.driver.IngressSchedule;
import dev.subnetsim.scenarios.driver.IngressStream;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.WasmCanisterSpec;
import dev.subnetsim.scenarios.spec.WasmModuleFiles;
import dev.subnetsim.scenarios.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The scenario's Wasm canisters ({@code workload.wasm_canisters}): each module file is loaded once
 * (per instruction limit) and its program shared by every replica of every subnet that runs it; canister {@code i} of the
 * list is number {@link #FIRST_NUMBER}{@code + i} in its subnet's range, installed at genesis
 * beside the Java canisters. Its load is a Poisson stream of calls signed by the world's load
 * client (as plain ingress is), drawn from the run seed.
 */
public final class WasmCanisters {
  /** Canister number of the first Wasm canister in its subnet (the Java ones are 0..6). */
  public static final long FIRST_NUMBER = 100;
  /** Load sequence numbers of Wasm calls start here, apart from the other load streams'. */
  static final long FIRST_SEQUENCE = 1L << 48;

  private WasmCanisters() {}

  /** Installs every Wasm canister of {@code spec} in the factory's subnets. */
  public static void install(ScenarioSpec spec, ConsensusReplicaFactory factory) {
    Map<String, WasmCanisterProgram> programs = new TreeMap<>();
    List<WasmCanisterSpec> canisters = spec.workload().wasmCanisters();
    for (int i = 0; i < canisters.size(); i++) {
      WasmCanisterSpec w = canisters.get(i);
      WasmCanisterProgram program = programs.computeIfAbsent(w.path() + "#" + w.instructionLimit(),
          k -> load(w));
      factory.execution(subnet(spec, w)).installAtGenesis(FIRST_NUMBER + i,
          program.module().programName(), program, w.initArg());
    }
  }

  private static WasmCanisterProgram load(WasmCanisterSpec w) {
    String path = w.path();
    WasmLimits limits = WasmLimits.defaults().withInstructionsPerMessage(w.instructionLimit());
    try {
      return new WasmCanisterProgram(CanisterModule.load(path,
          WasmModuleFiles.read(path), limits), limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (WasmLoadException e) {
      // validation loaded it already; a file changed since is a failure of the run
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  static SubnetId subnet(ScenarioSpec spec, WasmCanisterSpec w) {
    return w.subnet() != null ? w.subnet() : SpecWorld.ingressSubnet(spec);
  }

  /** The calls of every Wasm canister with a rate, merged in time order. */
  public static IngressStream load(ScenarioSpec spec, Topology topology) {
    List<IngressStream> streams = new ArrayList<>();
    List<WasmCanisterSpec> canisters = spec.workload().wasmCanisters();
    for (int i = 0; i < canisters.size(); i++) {
      WasmCanisterSpec w = canisters.get(i);
      if (w.callsPerSecond() > 0) {
        int index = i;
        List<NodeId> targets = topology.members(subnet(spec, w));
        streams.add(() -> new Calls(spec, w, index, targets));
      }
    }
    return IngressSchedule.merged(streams);
  }

  /** One canister's calls: Poisson arrivals at uniformly chosen nodes of its subnet. */
  private static final class Calls extends LookaheadIterator<IngressInjection> {
    private final WasmCanisterSpec w;
    private final long number;
    private final List<NodeId> targets;
    private final long end;
    private final RandomGenerator rng;
    private final LoadClient client;
    private long t;
    private long seq;

    Calls(ScenarioSpec spec, WasmCanisterSpec w, int index, List<NodeId> targets) {
      this.w = w;
      this.number = FIRST_NUMBER + index;
      this.targets = targets;
      this.end = spec.durationNanos();
      this.rng = RunRandom.forPurpose(spec.seed(), "workload/wasm-" + index);
      this.client = LoadClient.fromSeed(spec.seed());
      this.seq = FIRST_SEQUENCE + ((long) index << 32);
    }

    @Override
    protected IngressInjection draw() {
      t += Math.max(1, (long) (rng.nextExponential() * 1e9 / w.callsPerSecond()));
      if (t >= end || t < 0) {
        return null;
      }
      NodeId target = targets.get(rng.nextInt(targets.size()));
      return new IngressInjection(t, target, client.sign(new PayloadItem.Workload(seq++, t,
          number, w.method(), w.callArg())).encode());
    }
  }
}
