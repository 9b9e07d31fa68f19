package dev.subnetsim.scenarios.toy;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import java.util.ArrayList;
import java.util.List;

/** Wraps a logic and, from {@code fromHeight} on, reports a different finalized block (a bug). */
public final class DivergingFinalizer implements ReplicaLogic {
  private final ReplicaLogic inner;
  private final long fromHeight;

  public DivergingFinalizer(ReplicaLogic inner, long fromHeight) {
    this.inner = inner;
    this.fromHeight = fromHeight;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput out = inner.step(now, events);
    List<Observation> observations = new ArrayList<>();
    for (Observation o : out.observations()) {
      if (o instanceof Observation.Finalized f && f.height() >= fromHeight) {
        byte[] hash = f.blockHash().toArray();
        hash[0] ^= 1;
        observations.add(new Observation.Finalized(f.subnet(), f.height(), Bytes.of(hash)));
      } else {
        observations.add(o);
      }
    }
    return new StepOutput(out.sends(), out.timers(), observations, out.cpuNanos());
  }
}
