package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.StepOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place change sets take effect: messages go to the step's network, rejections become
 * {@link Observation.ArtifactRejected}, observations are recorded, and the consensus inputs are
 * handed back for the consensus node's next step.
 */
public final class ChangeSetApplier {
  private final StepOutput.Builder out;

  public ChangeSetApplier(StepOutput.Builder out) {
    this.out = out;
  }

  /** Applies {@code changes}; @return its inputs for the consensus node, in order */
  public List<ConsensusNode.Input> apply(ChangeSet changes) {
    for (ChangeSet.Message m : changes.messages()) {
      if (m instanceof ChangeSet.Unicast u) {
        out.network().send(u.to(), u.kind(), u.bytes());
      } else {
        out.network().broadcast(m.kind(), m.bytes());
      }
    }
    for (Rejection r : changes.rejections()) {
      out.observe(new Observation.ArtifactRejected(r.sender(), r.reason()));
    }
    changes.observations().forEach(out::observe);
    return changes.toConsensus();
  }

  /** Applies each change set in order; @return their consensus inputs, in order */
  public List<ConsensusNode.Input> applyAll(List<ChangeSet> changes) {
    List<ConsensusNode.Input> inputs = new ArrayList<>();
    changes.forEach(c -> inputs.addAll(apply(c)));
    return inputs;
  }
}
