package dev.subnetsim.replica.block;

import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.state.ChainKeyRequest;
import java.util.List;

/** What executing a block produced that the replica reports (not part of the state). */
public record BlockOutcome(List<LoadCompleted> load, List<ChainKeyCompleted> chainKey,
    List<String> rejectedItems, long instructions, List<IngressCompleted> ingress) {

  /** A user's ingress message finished (replied or rejected). */
  public record IngressCompleted(byte[] requestId, Reply reply) {}

  /** A load message finished: its sequence, send time and whether it was replied. */
  public record LoadCompleted(long sequence, long sentAtNanos, boolean replied) {}

  /** A chain-key request was answered: request, reply and when. */
  public record ChainKeyCompleted(ChainKeyRequest request, ManagementReply reply,
      long completedAtNanos) {}
}
