package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.protocol.ConsensusProtocol.FastFinalization;
import java.util.ArrayList;
import java.util.List;

/**
 * Fast finalizer: when the consensus variant's fast path finalizes the block after the finalized
 * tip ({@code ConsensusProtocol#fastFinalization}), records it for the chain finalizer and reports
 * the votes combined into one multi-signature (checked like every combined signature). Under ICC
 * it never acts.
 */
public final class FastFinalizer implements Role {
  private final ConsensusCrypto crypto;

  public FastFinalizer(ConsensusCrypto crypto) {
    this.crypto = crypto;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    FastFinalization ff = pool.config().protocol().fastFinalization(pool).orElse(null);
    if (ff == null || pool.fastFinalized.containsKey(ff.height())) {
      return;
    }
    pool.fastFinalized.put(ff.height(), ff.block());
    List<Integer> voters = List.copyOf(ff.votes().keySet());
    changes.combined.add(new Changes.CombinedArtifact("fast-finalization", ff.height(),
        crypto.aggregatePublicKey(voters),
        SignedMessages.fastVoteMessage(ff.height(), ff.block().toArray()),
        crypto.aggregate(new ArrayList<>(ff.votes().values()))));
  }
}
