package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;

/**
 * A replica's share for one pending chain-key request, gossiped to its subnet: request id (u64) ||
 * signer index (u32) || the scheme's share bytes. The analogue of the IC's IDKG/vetKD share
 * artifacts in the consensus pool.
 */
public record ChainKeyShareMessage(long requestId, int signer, byte[] share) {
  private static final int HEADER = 12;

  public ChainKeyShareMessage {
    share = share.clone();
  }

  public byte[] encode() {
    return new BigEndianWriter(HEADER + share.length).u64(requestId).u32(signer).raw(share)
        .toBytes();
  }

  /**
   * The signer is read as sent (even negative) for the receiver to check against its sender.
   *
   * @throws IllegalArgumentException on fewer than 12 bytes
   */
  public static ChainKeyShareMessage decode(byte[] bytes) {
    if (bytes.length < HEADER) {
      throw new IllegalArgumentException("chain-key share message shorter than its header: "
          + bytes.length + " bytes");
    }
    BigEndianReader r = new BigEndianReader(bytes, "chain-key share message");
    return new ChainKeyShareMessage(r.i64("request id"), r.i32("signer"),
        r.raw(r.remaining(), "share"));
  }
}
