package dev.subnetsim.replica.execution;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.execution.ExecutionResult.OutgoingCall;
import dev.subnetsim.replica.execution.stable.JournaledMemory;
import dev.subnetsim.replica.execution.stable.Memory;
import dev.subnetsim.replica.execution.stable.MemoryManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executes canister messages deterministically: dispatches to the canister's Java program with a
 * metered {@link Env}, charges cycles by the {@link CostModel}, and on a trap (an explicit trap,
 * exceeding the instruction limit, a stable-memory fault or any exception from the program) rolls
 * back every change of the message: stable memory, certified data and outgoing calls.
 */
public final class ExecutionEnvironment {
  /** Pages per memory-manager bucket for canister memories. */
  static final long BUCKET_PAGES = 8;
  static final int CODE_CANISTER_REJECT = 4;
  static final int CODE_CANISTER_ERROR = 5;

  private final Map<String, CanisterProgram> programs;
  private final CostModel costs;

  public ExecutionEnvironment(Map<String, CanisterProgram> programs, CostModel costs) {
    this.programs = new TreeMap<>(programs);
    this.costs = costs;
  }

  /**
   * Executes {@code call} on {@code canister} at virtual time {@code timeNanos}; {@code randomSeed}
   * seeds the random tape (the block's random beacon and the message's position in the block).
   */
  public ExecutionResult execute(CanisterState canister, CanisterCall call, long timeNanos,
      byte[] randomSeed) {
    CanisterProgram program = programs.get(canister.program());
    if (program == null) {
      return new ExecutionResult(new ExecutionResult.Rejected(CODE_CANISTER_ERROR,
          "canister " + canister.id() + " runs unknown program '" + canister.program() + "'"),
          List.of(), 0, 0);
    }
    boolean isQuery = call.kind() == CanisterCall.Kind.QUERY;
    if (!isQuery && canister.cycles() < costs.updateBaseFeeCycles()) {
      return new ExecutionResult(new ExecutionResult.Rejected(CODE_CANISTER_ERROR,
          "canister " + canister.id() + " is out of cycles"), List.of(), 0, 0);
    }
    JournaledMemory journal = new JournaledMemory(canister.stable());
    byte[] certifiedBefore = canister.certifiedData();
    Context env = new Context(canister, call, timeNanos, randomSeed, journal);
    ExecutionResult.Outcome outcome;
    try {
      switch (call.kind()) {
        case INIT -> program.init(env);
        case PRE_UPGRADE -> program.preUpgrade(env);
        case POST_UPGRADE -> program.postUpgrade(env);
        case QUERY -> program.query(call.method(), env);
        default -> program.update(call.method(), env);
      }
      outcome = env.outcome();
    } catch (CanisterTrap e) {
      outcome = trapped(env, journal, canister, certifiedBefore, e.getMessage());
    } catch (RuntimeException e) {
      // Any fault of the program is a trap, as a Wasm fault would be on the IC.
      outcome = trapped(env, journal, canister, certifiedBefore, e.toString());
    }
    if (isQuery) {
      journal.rollback();
      canister.setCertifiedData(certifiedBefore);
      return new ExecutionResult(outcome, List.of(), env.instructions, 0);
    }
    long cycles = Math.min(canister.cycles(), costs.cyclesFor(env.instructions)
        + env.calls.size() * costs.xnetCallFeeCycles());
    canister.setCycles(canister.cycles() - cycles);
    return new ExecutionResult(outcome, env.calls, env.instructions, cycles);
  }

  private static ExecutionResult.Outcome trapped(Context env, JournaledMemory journal,
      CanisterState canister, byte[] certifiedBefore, String message) {
    journal.rollback();
    canister.setCertifiedData(certifiedBefore);
    env.calls.clear();
    return new ExecutionResult.Rejected(CODE_CANISTER_ERROR,
        "canister " + canister.id() + " trapped: " + message);
  }

  /** The {@link Env} of one message: meters every system call and stable-memory byte. */
  private final class Context implements Env {
    private final CanisterState canister;
    private final CanisterCall call;
    private final long timeNanos;
    private final SeededRandom tape;
    private final JournaledMemory journal;
    private MemoryManager manager;
    final List<OutgoingCall> calls = new ArrayList<>();
    long instructions;
    private ExecutionResult.Outcome outcome;

    Context(CanisterState canister, CanisterCall call, long timeNanos, byte[] randomSeed,
        JournaledMemory journal) {
      this.canister = canister;
      this.call = call;
      this.timeNanos = timeNanos;
      this.tape = SeededRandom.fromSeed(randomSeed, "random-tape/" + canister.id().index());
      this.journal = journal;
    }

    ExecutionResult.Outcome outcome() {
      if (outcome != null) {
        return outcome;
      }
      if (!calls.isEmpty()) {
        return new ExecutionResult.Pending();
      }
      if (call.kind() == CanisterCall.Kind.INIT || call.kind() == CanisterCall.Kind.PRE_UPGRADE
          || call.kind() == CanisterCall.Kind.POST_UPGRADE) {
        return new ExecutionResult.Replied(new byte[0]);
      }
      if (call.kind() == CanisterCall.Kind.REPLY_CALLBACK
          || call.kind() == CanisterCall.Kind.REJECT_CALLBACK) {
        // A callback need not respond (the call context may have responded already, or a later
        // callback will); the runtime rejects the call context if none ever does.
        return new ExecutionResult.Pending();
      }
      throw new CanisterTrap("method '" + call.method() + "' returned without replying");
    }

    private void systemCall() {
      charge(costs.systemCallInstructions());
    }

    @Override
    public CanisterId self() {
      systemCall();
      return canister.id();
    }

    @Override
    public byte[] caller() {
      systemCall();
      return call.caller();
    }

    @Override
    public byte[] arg() {
      charge(costs.systemCallInstructions() + call.arg().length);
      return call.arg();
    }

    @Override
    public boolean argIsCandid() {
      return dev.subnetsim.replica.candid.Candid.isCandid(call.arg());
    }

    @Override
    public byte[] callbackContext() {
      systemCall();
      return call.callbackContext();
    }

    @Override
    public int rejectCode() {
      return call.rejectCode();
    }

    @Override
    public long timeNanos() {
      systemCall();
      return timeNanos;
    }

    @Override
    public byte[] randomBytes(int n) {
      charge(costs.systemCallInstructions() + n);
      byte[] b = new byte[n];
      tape.nextBytes(b);
      return b;
    }

    @Override
    public byte[] certifiedData() {
      systemCall();
      return canister.certifiedData();
    }

    @Override
    public void setCertifiedData(byte[] data) {
      systemCall();
      if (data.length > 32) {
        trap("certified data is limited to 32 bytes, got " + data.length);
      }
      if (call.kind() == CanisterCall.Kind.QUERY) {
        trap("certified data cannot be set from a query");
      }
      canister.setCertifiedData(data);
    }

    @Override
    public Memory memory(int id) {
      systemCall();
      if (manager == null) {
        manager = journal.size() == 0 ? MemoryManager.init(journal, BUCKET_PAGES)
            : MemoryManager.load(journal);
      }
      return new MeteredMemory(manager.get(id));
    }

    @Override
    public void charge(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("negative instruction count");
      }
      instructions += n;
      if (instructions > costs.instructionLimitPerMessage()) {
        throw new CanisterTrap("instruction limit of " + costs.instructionLimitPerMessage()
            + " exceeded");
      }
    }

    @Override
    public long instructionsUsed() {
      return instructions;
    }

    @Override
    public long cyclesBalance() {
      systemCall();
      return canister.cycles();
    }

    private void respond(ExecutionResult.Outcome o) {
      systemCall();
      if (outcome != null) {
        trap("the call was already answered");
      }
      outcome = o;
    }

    @Override
    public void reply(byte[] data) {
      respond(new ExecutionResult.Replied(data.clone()));
    }

    @Override
    public void reject(String message) {
      respond(new ExecutionResult.Rejected(CODE_CANISTER_REJECT, message));
    }

    @Override
    public void call(CanisterId target, String method, byte[] arg, String replyMethod,
        String rejectMethod, byte[] context) {
      charge(costs.systemCallInstructions() + arg.length);
      if (call.kind() == CanisterCall.Kind.QUERY) {
        trap("queries cannot make calls");
      }
      calls.add(new OutgoingCall(canister.id(), target, method, arg.clone(), replyMethod,
          rejectMethod, context.clone()));
    }

    /** Charges one instruction per stable byte read or written. */
    private final class MeteredMemory implements Memory {
      private final Memory inner;

      MeteredMemory(Memory inner) {
        this.inner = inner;
      }

      @Override
      public long size() {
        return inner.size();
      }

      @Override
      public long grow(long pages) {
        systemCall();
        return inner.grow(pages);
      }

      @Override
      public void read(long offset, byte[] dst) {
        charge(CostModel.INSTRUCTIONS_PER_STABLE_BYTE * dst.length);
        inner.read(offset, dst);
      }

      @Override
      public void write(long offset, byte[] src) {
        charge(CostModel.INSTRUCTIONS_PER_STABLE_BYTE * src.length);
        inner.write(offset, src);
      }
    }
  }
}
