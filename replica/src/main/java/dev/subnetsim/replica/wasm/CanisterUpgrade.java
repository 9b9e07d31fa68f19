package dev.subnetsim.replica.wasm;

import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.ExecutionEnvironment;
import dev.subnetsim.replica.execution.ExecutionResult;

/**
 * A code upgrade (interface spec, "Canister upgrades", {@code install_code} mode upgrade):
 * {@code canister_pre_upgrade} on the old module, then a fresh instance of the new module and its
 * {@code canister_post_upgrade} with the upgrade's argument. Only stable memory, certified data
 * and the canister's version and controller survive. If either hook traps the canister is left
 * exactly as it was. The management canister's {@code install_code} does not call this yet: tests
 * and scenarios do.
 */
public final class CanisterUpgrade {
  private CanisterUpgrade() {}

  /** The upgrade's outcome: the canister to keep, and the hook's reject if it failed. */
  public record Result(CanisterState canister, ExecutionResult.Outcome outcome) {
    public boolean succeeded() {
      return outcome instanceof ExecutionResult.Replied;
    }
  }

  public static Result upgrade(ExecutionEnvironment exec, CanisterState canister,
      String newProgram, byte[] caller, byte[] arg, long timeNanos, byte[] seed) {
    CanisterState work = canister.copy();
    ExecutionResult pre = exec.execute(work, new CanisterCall(CanisterCall.Kind.PRE_UPGRADE,
        canister.id(), caller, "", new byte[0], new byte[0]), timeNanos, seed);
    if (!(pre.outcome() instanceof ExecutionResult.Replied)) {
      return new Result(canister, pre.outcome());
    }
    CanisterState upgraded = CanisterState.restore(canister.id(), newProgram,
        work.encodeStableMemory(), work.cycles(), work.certifiedData());
    ExecutionResult post = exec.execute(upgraded, new CanisterCall(CanisterCall.Kind.POST_UPGRADE,
        canister.id(), caller, "", arg, new byte[0]), timeNanos, seed);
    if (!(post.outcome() instanceof ExecutionResult.Replied)) {
      return new Result(canister, post.outcome());
    }
    return new Result(upgraded, post.outcome());
  }
}
