package dev.subnetsim.consensus;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.roles.Validator;
import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * A replica's validation of received artifacts with the ones deferred until what they depend on
 * arrives: each is retried every step while it can still matter. Rejections are attributed to the
 * sender.
 */
final class PendingArtifacts {
  /** Deferred artifacts kept at most (a flood of them must not grow the replica's memory). */
  private static final int MAX_PENDING = 10_000;
  /** How far above the notarized height a deferred artifact is kept. */
  private static final long MAX_PENDING_AHEAD = 20;

  private final ConsensusPool pool;
  private final Validator validator;
  private final List<Pending> pending = new ArrayList<>();

  private record Pending(NodeId from, ConsensusMessage message) {}

  PendingArtifacts(ConsensusPool pool, Validator validator) {
    this.pool = pool;
    this.validator = validator;
  }

  int size() {
    return pending.size();
  }

  /**
   * Decides the signature shares among a step's arrivals together before they are validated one
   * by one ({@link Validator#verifySharesTogether}); changes no decision.
   */
  void verifySharesTogether(List<ConsensusMessage> received) {
    try {
      validator.verifySharesTogether(pool, received);
    } catch (RuntimeException e) {
      // Only a shortcut: whatever it could not decide, validation decides and attributes alone.
    }
  }

  /** Validates {@code m} from {@code from}: accepted into the pool, deferred, or rejected. */
  void validate(NodeId from, ConsensusMessage m, Changes changes) {
    try {
      if (validator.validate(pool, m, changes) == Validator.Verdict.PENDING
          && m.height() <= pool.notarizedHeight() + MAX_PENDING_AHEAD
          && pending.size() < MAX_PENDING) {
        pending.add(new Pending(from, m));
      }
    } catch (Validator.InvalidArtifactException e) {
      changes.rejections.add(new Rejection(from, m.kind() + ": " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      changes.rejections.add(new Rejection(from, m.kind() + ": " + e.getMessage()));
    }
  }

  /** Retries every deferred artifact that can still matter, in the order they arrived. */
  void revalidate(Changes changes) {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> retry = new ArrayList<>(pending);
    pending.clear();
    // Shares that waited (certification shares for execution, most of them) are decided
    // together too, against the pool as it is now.
    verifySharesTogether(retry.stream().map(Pending::message).filter(this::stillOpen).toList());
    for (Pending p : retry) {
      if (stillOpen(p.message())) {
        PeerInputFailure.attributed(p.from(), p.message().kind(), () -> {
          validate(p.from(), p.message(), changes);
          return null;
        });
      }
    }
  }

  /**
   * Whether a deferred artifact can still matter: one of the certification family waits for
   * execution, which follows finalization, and its validation says when it is moot; the rest
   * until their height is final.
   */
  private boolean stillOpen(ConsensusMessage m) {
    if (m instanceof ConsensusMessage.CertificationShare
        || m instanceof ConsensusMessage.Certification) {
      return true;
    }
    return m.height() > pool.finalizedHeight;
  }
}
