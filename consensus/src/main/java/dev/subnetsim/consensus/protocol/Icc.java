package dev.subnetsim.consensus.protocol;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.List;
import java.util.Optional;

/**
 * Internet Computer Consensus (Camenisch et al., PODC 2022) as the IC runs it: n >= 3f + 1, a
 * block is final after notarization and n - f finalization shares. No fast path.
 */
public final class Icc implements ConsensusProtocol {
  static final Icc INSTANCE = new Icc();

  private Icc() {}

  @Override
  public String name() {
    return "icc";
  }

  @Override
  public int faultBound(int n) {
    return (n - 1) / 3;
  }

  @Override
  public Optional<String> unsupported(int n) {
    return Optional.empty();
  }

  @Override
  public boolean votes() {
    return false;
  }

  @Override
  public boolean mayNotarize(ConsensusPool pool, long height, Bytes block) {
    return true;
  }

  @Override
  public List<Bytes> alsoSign(ConsensusPool pool, long height) {
    return List.of();
  }

  @Override
  public Optional<FastFinalization> fastFinalization(ConsensusPool pool) {
    return Optional.empty();
  }

  @Override
  public long slowPathFloor(ConsensusPool pool) {
    return pool.finalizedHeight;
  }

  @Override
  public String toString() {
    return name();
  }
}
