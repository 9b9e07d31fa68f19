package dev.subnetsim.replica.block;

import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.cpu.CpuOp;
import java.util.List;
import java.util.Map;

/**
 * What executing a block produced that the replica reports (not part of the state), including the
 * work it cost the replica ({@code work}: messages, instructions, shares and dealings verified,
 * replies combined), which its virtual CPU prices.
 */
public record BlockOutcome(List<LoadCompleted> load, List<ChainKeyCompleted> chainKey,
    List<String> rejectedItems, long instructions, List<IngressCompleted> ingress,
    Map<CpuOp, Long> work) {

  /** A user's ingress message finished (replied or rejected). */
  public record IngressCompleted(byte[] requestId, Reply reply) {}

  /** A load message finished: its sequence, send time and whether it was replied. */
  public record LoadCompleted(long sequence, long sentAtNanos, boolean replied) {}

  /** A chain-key request was answered: request, reply and when. */
  public record ChainKeyCompleted(ChainKeyRequest request, ManagementReply reply,
      long completedAtNanos) {}
}
