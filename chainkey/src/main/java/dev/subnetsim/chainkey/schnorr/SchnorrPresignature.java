package dev.subnetsim.chainkey.schnorr;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;

/**
 * A Schnorr presignature (dfinity/ic spec.md: one RandomUnmasked transcript): the nonce k in
 * shares with R = k*G public, for one signature under the key transcript.
 */
public record SchnorrPresignature(String id, IdkgTranscript nonce, IdkgTranscript key) {

  public SchnorrPresignature {
    if (nonce.kind().masked() || key.kind().masked() || nonce.curve() != key.curve()) {
      throw new IllegalArgumentException("Schnorr presignature " + id
          + " needs unmasked nonce and key transcripts on one curve");
    }
  }

  public EcCurve curve() {
    return key.curve();
  }

  public EcPoint r() {
    return nonce.commitment().constantTerm();
  }

  public int threshold() {
    return Math.max(nonce.threshold(), key.threshold());
  }
}
