package dev.subnetsim.chainkey.docs;

import dev.subnetsim.chainkey.ec.EcPoint;

/**
 * A stored document key (Parity Secret Store, "document key storing"): the common point C = r*G
 * and the encrypted point E = M + r*Y, ElGamal encryption of the document key M (a group element)
 * under the server key Y. Whoever learns x*C = r*Y recovers M = E - x*C.
 */
public record EncryptedDocumentKey(EcPoint commonPoint, EcPoint encryptedPoint) {
  public EncryptedDocumentKey {
    if (commonPoint.curve() != encryptedPoint.curve()) {
      throw new IllegalArgumentException("common and encrypted point on different curves");
    }
    if (commonPoint.isIdentity()) {
      throw new IllegalArgumentException("the common point must not be the identity");
    }
  }
}
