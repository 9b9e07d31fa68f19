package dev.subnetsim.replica.chainkey;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A replica's share for one pending chain-key request, gossiped to its subnet: request id (u64) ||
 * signer index (u32) || the scheme's share bytes. The analogue of the IC's IDKG/vetKD share
 * artifacts in the consensus pool.
 */
public record ChainKeyShareMessage(long requestId, int signer, byte[] share) {
  public ChainKeyShareMessage {
    share = share.clone();
  }

  public byte[] encode() {
    return ByteBuffer.allocate(12 + share.length).putLong(requestId).putInt(signer).put(share).array();
  }

  /** @throws IllegalArgumentException on fewer than 12 bytes */
  public static ChainKeyShareMessage decode(byte[] bytes) {
    if (bytes.length < 12) {
      throw new IllegalArgumentException("chain-key share message shorter than its header: "
          + bytes.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return new ChainKeyShareMessage(b.getLong(), b.getInt(), Arrays.copyOfRange(bytes, 12, bytes.length));
  }
}
