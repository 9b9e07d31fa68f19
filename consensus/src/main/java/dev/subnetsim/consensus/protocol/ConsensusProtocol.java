package dev.subnetsim.consensus.protocol;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.List;
import java.util.Optional;

/**
 * The consensus variant of a subnet: the few decisions in which the protocols of the ICC family
 * differ. Every role is shared; a role that meets one of these decisions asks the variant
 * ({@code ConsensusConfig#protocol()}) rather than testing which variant runs. A new variant is a
 * new implementation here, its wire name in {@link #named}, and its scenario name in the DSL.
 */
public sealed interface ConsensusProtocol permits Icc, FastIcc {
  /** The scenario-file name ({@code consensus.protocol}). */
  String name();

  /** Byzantine replicas among {@code n} under which the variant is safe and live. */
  int faultBound(int n);

  /** Why {@code n} replicas cannot run this variant, or empty when they can. */
  Optional<String> unsupported(int n);

  /** Whether a notary's first notarization share at a height also carries its fast-path vote. */
  boolean votes();

  /**
   * Whether the block may be notarized (aggregated from shares, or accepted from a peer) now;
   * a notarization refused now is looked at again when more votes arrive.
   */
  boolean mayNotarize(ConsensusPool pool, long height, Bytes block);

  /** Blocks at {@code height} the notary signs besides the lowest-rank ones it signs in ICC. */
  List<Bytes> alsoSign(ConsensusPool pool, long height);

  /** The block after the finalized tip that the fast path finalizes, with its votes, if any. */
  Optional<FastFinalization> fastFinalization(ConsensusPool pool);

  /**
   * Heights at or below this take no more finalization shares or finalizations. ICC: the
   * finalized height. A variant that finalizes some heights without them keeps collecting them a
   * little longer, so that peers that missed the fast path and catch-up responses still have one.
   */
  long slowPathFloor(ConsensusPool pool);

  /** The variant of scenario name {@code name}. */
  static Optional<ConsensusProtocol> named(String name) {
    return switch (name) {
      case "icc" -> Optional.of(Icc.INSTANCE);
      case "fast-icc" -> Optional.of(FastIcc.INSTANCE);
      default -> Optional.empty();
    };
  }

  /** The votes ({@code signer -> vote}) that finalized {@code block} at {@code height}. */
  record FastFinalization(long height, Bytes block, java.util.SortedMap<Integer, byte[]> votes) {}
}
