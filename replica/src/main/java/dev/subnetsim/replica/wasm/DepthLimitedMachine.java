package dev.subnetsim.replica.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.subnetsim.replica.execution.CanisterTrap;
import java.util.Deque;

/**
 * Chicory's interpreter with a fixed limit on the depth of Wasm calls. The interpreter recurses on
 * the Java stack for every Wasm call and turns a Java stack overflow into a trap, but where that
 * overflow happens depends on the thread and the JIT, so two replicas could trap at different
 * instructions (or one not at all). A depth limit reached well before any Java stack runs out
 * traps at the same instruction everywhere.
 */
final class DepthLimitedMachine extends InterpreterMachine {
  /** Wasm frames at most: a few Java frames each, far within a 512 KiB thread stack. */
  static final int MAX_DEPTH = 300;

  DepthLimitedMachine(Instance instance) {
    super(instance);
  }

  @Override
  protected long[] call(MStack stack, Instance instance, Deque<StackFrame> callStack, int funcId,
      long[] args, FunctionType callType, boolean popResults) {
    if (callStack.size() >= MAX_DEPTH) {
      throw new CanisterTrap("Wasm call depth limit of " + MAX_DEPTH + " exceeded");
    }
    return super.call(stack, instance, callStack, funcId, args, callType, popResults);
  }
}
