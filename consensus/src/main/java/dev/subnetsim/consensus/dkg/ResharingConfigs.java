package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resharing configs of the DKG by target epoch and key: epoch e+2's sharing of a key reshares
 * epoch e's to the committee's receiver keys. Cached, since building one checks its receiver keys.
 */
final class ResharingConfigs {
  private final ConsensusConfig config;
  private final ConsensusCrypto crypto;
  /** The replica's epochs, whose sharings the configs reshare (owned by {@link SubnetDkg}). */
  private final TreeMap<Long, SubnetDkg.EpochRecord> epochs;
  private final TreeMap<Long, EnumMap<ThresholdKey, DkgConfig>> configs = new TreeMap<>();

  ResharingConfigs(ConsensusConfig config, ConsensusCrypto crypto,
      TreeMap<Long, SubnetDkg.EpochRecord> epochs) {
    this.config = config;
    this.crypto = crypto;
    this.epochs = epochs;
  }

  /** The config resharing {@code source} as {@code key} for epoch {@code target} (not cached). */
  DkgConfig of(long target, ThresholdKey key, PublicCoefficients source) {
    byte[] id = (config.subnet().name() + "/" + key.name().toLowerCase() + "/epoch-" + target)
        .getBytes(StandardCharsets.UTF_8);
    int threshold = key == ThresholdKey.BEACON ? config.beaconThreshold() : config.quorum();
    return DkgConfig.resharing(id, source, config.n(), crypto.keys().dkgReceiverKeys(), threshold);
  }

  /** The config for {@code key} in epoch {@code target}; empty while epoch target-2 is unknown. */
  Optional<DkgConfig> forEpoch(long target, ThresholdKey key) {
    SubnetDkg.EpochRecord source = epochs.get(target - 2);
    return source == null ? Optional.empty()
        : Optional.of(configs.computeIfAbsent(target, t -> new EnumMap<>(ThresholdKey.class))
            .computeIfAbsent(key, k -> of(target, k, source.keys().coefficients(k))));
  }

  /** Forgets the configs of epochs up to {@code target} (their transcripts are made). */
  void dropThrough(long target) {
    configs.headMap(target, true).clear();
  }
}
