package dev.subnetsim.replica.ingress;

/** An ingress message with its sender's DER public key and signature (the envelope's fields). */
public record SignedIngress(IngressMessage message, byte[] senderPublicKeyDer, byte[] signature) {
  public SignedIngress {
    senderPublicKeyDer = senderPublicKeyDer.clone();
    signature = signature.clone();
  }
}
