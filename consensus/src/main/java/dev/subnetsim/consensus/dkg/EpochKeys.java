package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.util.List;

/**
 * The threshold keys one replica uses for the heights of one DKG interval (epoch): the public
 * coefficients of the beacon and certification sharings, every node's public key share (to verify
 * shares), and this replica's own shares ({@code null} if it could not compute one, e.g. a dealing
 * it was dealt a bad share in made the transcript; it then cannot sign with that key this epoch).
 * The public keys never change across epochs; the sharings do.
 */
public record EpochKeys(long epoch, PublicCoefficients beacon, PublicCoefficients certification,
    List<G2Point> beaconShares, List<G2Point> certificationShares, Scalar myBeaconShare,
    Scalar myCertificationShare) {

  public EpochKeys {
    beaconShares = List.copyOf(beaconShares);
    certificationShares = List.copyOf(certificationShares);
  }

  public PublicCoefficients coefficients(ThresholdKey key) {
    return key == ThresholdKey.BEACON ? beacon : certification;
  }

  public Scalar myShare(ThresholdKey key) {
    return key == ThresholdKey.BEACON ? myBeaconShare : myCertificationShare;
  }

  EpochKeys asEpoch(long e) {
    return new EpochKeys(e, beacon, certification, beaconShares, certificationShares,
        myBeaconShare, myCertificationShare);
  }

  @Override
  public String toString() {
    return "EpochKeys(epoch=" + epoch + ", shares redacted)";
  }
}
