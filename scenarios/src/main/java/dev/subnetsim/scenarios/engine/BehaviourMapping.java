package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one translation between the scenario language's Byzantine behaviours and the consensus
 * replica's. Both switches are exhaustive without {@code default}, so a behaviour added to either
 * enum and not mapped here fails to compile instead of being dropped.
 */
final class BehaviourMapping {
  private BehaviourMapping() {}

  /** The replica behaviours a scenario's behaviour turns on (never empty). */
  static Set<ByzantineBehaviour> toConsensus(
      dev.subnetsim.scenarios.spec.ByzantineBehaviour behaviour) {
    return switch (behaviour) {
      case EQUIVOCATING_BLOCK_MAKER -> EnumSet.of(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER);
      case DOUBLE_SIGNING_NOTARY -> EnumSet.of(ByzantineBehaviour.DOUBLE_SIGNING_NOTARY);
      case INVALID_BEACON_SHARES -> EnumSet.of(ByzantineBehaviour.INVALID_BEACON_SHARES);
      // Signature shares of consensus and of the chain-key services alike.
      case INVALID_SIGNATURE_SHARES -> EnumSet.of(ByzantineBehaviour.INVALID_SIGNATURE_SHARES,
          ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES);
      // The DSL's older name: decryption shares are one kind of chain-key share.
      case INVALID_DECRYPTION_SHARES -> EnumSet.of(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES);
      case BAD_DEALINGS -> EnumSet.of(ByzantineBehaviour.BAD_DEALINGS);
      case WITHHOLDING -> EnumSet.of(ByzantineBehaviour.WITHHOLDING);
      case TWINS -> EnumSet.of(ByzantineBehaviour.TWINS);
      case DIVERGENT_EXECUTION -> EnumSet.of(ByzantineBehaviour.DIVERGENT_EXECUTION);
      case ARBITRARY -> EnumSet.of(ByzantineBehaviour.ARBITRARY);
    };
  }

  /**
   * The scenario behaviour that turns a replica behaviour on, or empty if scenarios cannot ask for
   * it. Not needed to run a scenario: it makes a new replica behaviour a compile error here until
   * someone decides whether the language offers it.
   */
  static Optional<dev.subnetsim.scenarios.spec.ByzantineBehaviour> inScenarios(
      ByzantineBehaviour behaviour) {
    return Optional.ofNullable(switch (behaviour) {
      case EQUIVOCATING_BLOCK_MAKER ->
          dev.subnetsim.scenarios.spec.ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER;
      case DOUBLE_SIGNING_NOTARY -> dev.subnetsim.scenarios.spec.ByzantineBehaviour.DOUBLE_SIGNING_NOTARY;
      case INVALID_BEACON_SHARES -> dev.subnetsim.scenarios.spec.ByzantineBehaviour.INVALID_BEACON_SHARES;
      case INVALID_SIGNATURE_SHARES ->
          dev.subnetsim.scenarios.spec.ByzantineBehaviour.INVALID_SIGNATURE_SHARES;
      case INVALID_CHAIN_KEY_SHARES ->
          dev.subnetsim.scenarios.spec.ByzantineBehaviour.INVALID_DECRYPTION_SHARES;
      case BAD_DEALINGS -> dev.subnetsim.scenarios.spec.ByzantineBehaviour.BAD_DEALINGS;
      case TWINS -> dev.subnetsim.scenarios.spec.ByzantineBehaviour.TWINS;
      // Not offered by the scenario language (arbitrary relabels artifacts among its moves).
      case RELABELLED_CERTIFICATIONS -> null;
      case DIVERGENT_EXECUTION -> dev.subnetsim.scenarios.spec.ByzantineBehaviour.DIVERGENT_EXECUTION;
      case WITHHOLDING -> dev.subnetsim.scenarios.spec.ByzantineBehaviour.WITHHOLDING;
      case ARBITRARY -> dev.subnetsim.scenarios.spec.ByzantineBehaviour.ARBITRARY;
    });
  }
}
