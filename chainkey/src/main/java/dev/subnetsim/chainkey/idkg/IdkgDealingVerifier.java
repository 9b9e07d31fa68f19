package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcPoint;

/**
 * Public verification of a dealing (anyone can run it; the IC's {@code verify_dealing_public}):
 * instance, dealer, commitment kind and size, one ciphertext per receiver, and the kind's
 * constraint on the constant term (equal to the dealer's public source share for ReshareOfUnmasked;
 * the equal-opening or product proof otherwise). Whether each ciphertext decrypts correctly is
 * private to its receiver, who complains if not ({@link IdkgReceiver}).
 */
public final class IdkgDealingVerifier {
  private IdkgDealingVerifier() {}

  public static void verify(IdkgParams p, IdkgDealing d) throws InvalidDealingException {
    int dealer = d.dealer();
    check(d.transcriptId().equals(p.transcriptId()), dealer, "for transcript " + d.transcriptId()
        + ", not " + p.transcriptId());
    check(p.dealers().contains(dealer), dealer, "not a dealer of " + p.transcriptId());
    check((d.commitment() instanceof PolynomialCommitment.Pedersen) == p.kind().masked(), dealer,
        "wrong commitment type for " + p.kind());
    check(d.commitment().threshold() == p.threshold(), dealer, "commitment of degree "
        + (d.commitment().threshold() - 1) + ", expected " + (p.threshold() - 1));
    check(d.commitment().curve() == p.curve() && d.ephemeral().curve() == p.curve(), dealer,
        "points on the wrong curve");
    check(d.ciphertexts().keySet().equals(p.receiverKeys().keySet()), dealer,
        "ciphertexts for receivers " + d.ciphertexts().keySet() + ", expected "
            + p.receiverKeys().keySet());
    switch (p.kind()) {
      case RESHARE_OF_UNMASKED -> check(d.commitment().constantTerm()
          .equals(p.source().get().commitment().evaluateAt(dealer)), dealer,
          "constant term is not the dealer's public share of " + p.source().get().id());
      case RESHARE_OF_MASKED -> {
        EcPoint difference = p.source().get().commitment().evaluateAt(dealer)
            .sub(d.commitment().constantTerm());
        check(d.proof().orElse(null) instanceof DealingProof.EqualOpening eq
            && eq.verify(p, dealer, difference), dealer, "invalid equal-opening proof");
      }
      case UNMASKED_TIMES_MASKED -> {
        EcPoint a = p.source().get().commitment().evaluateAt(dealer);
        EcPoint b = p.secondSource().get().commitment().evaluateAt(dealer);
        check(d.proof().orElse(null) instanceof DealingProof.Product pr
            && pr.verify(p, dealer, a, b, d.commitment().constantTerm()), dealer,
            "invalid product proof");
      }
      default -> check(d.proof().isEmpty(), dealer, "unexpected proof for " + p.kind());
    }
  }

  private static void check(boolean ok, int dealer, String reason) throws InvalidDealingException {
    if (!ok) {
      throw new InvalidDealingException(dealer, reason);
    }
  }
}
