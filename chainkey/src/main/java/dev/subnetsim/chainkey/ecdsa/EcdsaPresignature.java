package dev.subnetsim.chainkey.ecdsa;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.TranscriptKind;

/**
 * An ECDSA presignature (Groth-Shoup, eprint 2022/506 section 7; dfinity/ic
 * rs/consensus/src/idkg/spec.md "pre-signatures"): kappa unmasked (its constant term is R = kappa*G),
 * lambda masked, kappa*lambda and key*lambda masked, plus the key transcript it was made for. One
 * presignature signs one message; its public parts are all anyone needs to verify shares.
 */
public record EcdsaPresignature(String id, IdkgTranscript kappa, IdkgTranscript lambda,
    IdkgTranscript kappaTimesLambda, IdkgTranscript keyTimesLambda, IdkgTranscript key) {

  public EcdsaPresignature {
    EcCurve curve = key.curve();
    if (curve == EcCurve.ED25519) {
      throw new IllegalArgumentException("ECDSA needs secp256k1 or P-256");
    }
    for (IdkgTranscript t : new IdkgTranscript[] {kappa, lambda, kappaTimesLambda, keyTimesLambda}) {
      if (t.curve() != curve) {
        throw new IllegalArgumentException("presignature " + id + " mixes curves");
      }
    }
    if (kappa.kind().masked() || key.kind().masked() || !lambda.kind().masked()
        || kappaTimesLambda.kind() != TranscriptKind.UNMASKED_TIMES_MASKED
        || keyTimesLambda.kind() != TranscriptKind.UNMASKED_TIMES_MASKED) {
      throw new IllegalArgumentException("presignature " + id + " has transcripts of wrong kinds");
    }
  }

  public EcCurve curve() {
    return key.curve();
  }

  /** R = kappa*G before rerandomization. */
  public EcPoint r() {
    return kappa.commitment().constantTerm();
  }

  /** Shares needed to combine a signature. */
  public int threshold() {
    return lambda.threshold();
  }
}
