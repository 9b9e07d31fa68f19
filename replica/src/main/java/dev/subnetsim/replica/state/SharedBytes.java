package dev.subnetsim.replica.state;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import java.util.Arrays;

/**
 * One array per distinct content among the simulated replicas of a subnet. Every replica of a
 * subnet records the same finalized dealings in its own replicated state, each decoded from its
 * own copy of the block; a 34-node subnet refilling presignatures would hold every dealing (tens of
 * kilobytes each) 34 times. Recording the array this returns instead keeps one copy while any
 * replica holds it.
 *
 * <p>Results never depend on timing: the returned array always has the content asked for, whether
 * another replica's array was still held or not ({@link WeakValues}); a digest match is confirmed
 * byte for byte, so even a collision cannot alias. The arrays are shared, so nobody may modify an
 * array it recorded.
 */
public final class SharedBytes {
  private final WeakValues<Bytes, byte[]> held = new WeakValues<>();

  /**
   * An array with {@code bytes}' content: the one recorded before if some replica still holds it,
   * else {@code bytes} itself (which the caller must then not modify either).
   */
  public byte[] intern(byte[] bytes) {
    return held.share(Bytes.of(ConsensusCrypto.sha256(bytes)), bytes, Arrays::equals);
  }

  /** Distinct contents currently tracked (live or not yet dropped), for tests. */
  int size() {
    return held.size();
  }
}
