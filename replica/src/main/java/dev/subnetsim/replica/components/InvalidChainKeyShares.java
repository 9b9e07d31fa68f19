package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A node whose chain-key shares fail verification: the last byte of each share it gossips is
 * flipped (peers, and the node itself when it takes its own share back, reject it).
 */
public final class InvalidChainKeyShares implements ChangeSetDecorator {
  @Override
  public ChangeSet apply(ChangeSet honest) {
    List<ChangeSet.Message> messages = new ArrayList<>();
    for (ChangeSet.Message m : honest.messages()) {
      messages.add(m.kind() == MessageKind.CHAINKEY_SHARE ? corrupt(m) : m);
    }
    return honest.withMessages(messages);
  }

  private static ChangeSet.Message corrupt(ChangeSet.Message m) {
    ChainKeyShareMessage share = ChainKeyShareMessage.decode(m.bytes());
    byte[] bytes = share.share().clone();
    if (bytes.length > 0) {
      bytes[bytes.length - 1] ^= 1;
    }
    byte[] encoded = new ChainKeyShareMessage(share.requestId(), share.signer(), bytes).encode();
    return m instanceof ChangeSet.Unicast u ? new ChangeSet.Unicast(u.to(), u.kind(), encoded)
        : new ChangeSet.Broadcast(m.kind(), encoded);
  }
}
