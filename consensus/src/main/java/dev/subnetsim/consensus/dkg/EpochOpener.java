package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;

/**
 * Opens an epoch's keys from its transcripts: the public sharings and this replica's own shares,
 * decrypted from the transcript (or kept from the source epoch where a key's DKG failed).
 */
final class EpochOpener {
  private final ConsensusCrypto crypto;
  private final NodeSecrets me;
  private final ResharingConfigs configs;
  private final ComplaintRound complaints;
  private final EpochKeys genesis;

  EpochOpener(ConsensusCrypto crypto, NodeSecrets me, ResharingConfigs configs,
      ComplaintRound complaints, EpochKeys genesis) {
    this.crypto = crypto;
    this.me = me;
    this.configs = configs;
    this.complaints = complaints;
    this.genesis = genesis;
  }

  /** Epoch keys from the transcripts (null: keep the source epoch's sharing of that key). */
  SubnetDkg.EpochRecord open(long target, SubnetDkg.EpochRecord source, Transcript beacon,
      Transcript cert) {
    EpochKeys s = source.keys();
    PublicCoefficients bc = beacon == null ? s.beacon() : beacon.publicCoefficients();
    PublicCoefficients cc = cert == null ? s.certification() : cert.publicCoefficients();
    EpochKeys keys = new EpochKeys(target, bc, cc, crypto.publicKeyShares(bc),
        crypto.publicKeyShares(cc),
        beacon == null ? s.myBeaconShare()
            : myShare(target, ThresholdKey.BEACON, s.beacon(), beacon),
        cert == null ? s.myCertificationShare()
            : myShare(target, ThresholdKey.CERTIFICATION, s.certification(), cert));
    return new SubnetDkg.EpochRecord(keys, beacon == null ? source.beacon() : beacon,
        beacon == null ? source.beaconSource() : s.beacon(),
        cert == null ? source.certification() : cert,
        cert == null ? source.certificationSource() : s.certification());
  }

  private Scalar myShare(long target, ThresholdKey key, PublicCoefficients source, Transcript t) {
    Scalar early = complaints.shareFrom(target, key, t);
    if (early != null) {
      return early;
    }
    try {
      return new DkgReceiver(configs.of(target, key, source), me.index(), me.dkgReceiver())
          .computeKeyShare(t);
    } catch (RuntimeException e) {
      return null; // a bad share was dealt to us: no share of this key this epoch
    }
  }

  /** An epoch's record from a CUP's summary entry (transcripts already checked). */
  SubnetDkg.EpochRecord restored(DkgSummary.Entry e) {
    PublicCoefficients bc = e.beacon() == null ? genesis.beacon()
        : e.beacon().publicCoefficients();
    PublicCoefficients cc = e.certification() == null ? genesis.certification()
        : e.certification().publicCoefficients();
    EpochKeys keys = new EpochKeys(e.epoch(), bc, cc, crypto.publicKeyShares(bc),
        crypto.publicKeyShares(cc),
        e.beacon() == null ? genesis.myBeaconShare()
            : myShare(e.epoch(), ThresholdKey.BEACON, e.beaconSource(), e.beacon()),
        e.certification() == null ? genesis.myCertificationShare()
            : myShare(e.epoch(), ThresholdKey.CERTIFICATION, e.certificationSource(),
                e.certification()));
    return new SubnetDkg.EpochRecord(keys, e.beacon(), e.beaconSource(), e.certification(),
        e.certificationSource());
  }
}
