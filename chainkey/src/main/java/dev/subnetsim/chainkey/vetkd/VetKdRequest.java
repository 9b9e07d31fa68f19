package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import java.util.Objects;

/**
 * A {@code vetkd_derive_key} request: derivation context (canister id, context), input and the
 * client's transport public key. {@link #prepare} computes once what every share needs: the
 * derived key (public key and offset) for a master key and the message point
 * {@code Hm = hash_to_G1(dpk96 || input, "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_")}, the
 * augmented-BLS hash of dfinity/vetkeys {@code augmentedHashToG1} (the input is not length-prefixed).
 */
public final class VetKdRequest {

  private final DerivationContext context;
  private final byte[] input;
  private final TransportPublicKey transportPublicKey;

  public VetKdRequest(DerivationContext context, byte[] input, TransportPublicKey transportPublicKey) {
    this.context = Objects.requireNonNull(context, "context");
    this.input = Objects.requireNonNull(input, "input").clone();
    this.transportPublicKey = Objects.requireNonNull(transportPublicKey, "transportPublicKey");
  }

  public DerivationContext context() {
    return context;
  }

  public byte[] input() {
    return input.clone();
  }

  public TransportPublicKey transportPublicKey() {
    return transportPublicKey;
  }

  /** The request bound to a master public key: derived key and message point, computed once. */
  public Prepared prepare(G2Point masterPublicKey) {
    DerivedKey derived = context.derive(masterPublicKey);
    return new Prepared(
        this, masterPublicKey, derived, derived.publicKey().sub(masterPublicKey),
        messagePoint(derived.publicKey(), input));
  }

  /** Hm = hash_to_G1(dpk96 || input) with the augmented-BLS DST. */
  public static G1Point messagePoint(G2Point derivedPublicKey, byte[] input) {
    byte[] pk = derivedPublicKey.toBytes();
    byte[] msg = new byte[pk.length + input.length];
    System.arraycopy(pk, 0, msg, 0, pk.length);
    System.arraycopy(input, 0, msg, pk.length, input.length);
    return HashToCurve.hashToG1(msg, DomainSeparators.VETKD_MESSAGE_DST);
  }

  /**
   * A request with its derived key and message point for one master key; {@code offsetPoint} =
   * offset * G2 = dpk - mpk, so a node's derived key share costs one G2 addition, not a
   * multiplication.
   */
  public record Prepared(
      VetKdRequest request, G2Point masterPublicKey, DerivedKey derivedKey, G2Point offsetPoint,
      G1Point messagePoint) {
    public Prepared {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(masterPublicKey, "masterPublicKey");
      Objects.requireNonNull(derivedKey, "derivedKey");
      Objects.requireNonNull(offsetPoint, "offsetPoint");
      Objects.requireNonNull(messagePoint, "messagePoint");
    }

    /** Node i's derived public key share: its master public key share + offset * G2. */
    public G2Point derivedKeyShare(G2Point masterPublicKeyShare) {
      return masterPublicKeyShare.add(offsetPoint);
    }

    public G1Point transportPoint() {
      return request.transportPublicKey.point();
    }
  }
}
