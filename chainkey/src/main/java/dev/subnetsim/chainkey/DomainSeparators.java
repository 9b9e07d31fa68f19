package dev.subnetsim.chainkey;

/**
 * Every domain separator of the project in one place (the IC keeps its own in one crate for the
 * same reason: a reader can audit that no two purposes share a tag). Values that interoperate with
 * IC clients are byte-exact copies of the IC's (docs/FORMATS.md, "Domain separators"); the rest
 * are ours and say so.
 */
public final class DomainSeparators {
  private DomainSeparators() {}

  /** BLS signatures of the IC (min-sig, G1 signatures): hash-to-curve DST. */
  public static final String BLS_SIG_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

  /**
   * Proofs of possession of BLS keys (IETF draft-irtf-cfrg-bls-signature-05, Section 4.2.3, min-sig
   * PoP suite): hash-to-G1 DST for PopProve(sk) = sk * H(pk96). Kept apart from BLS_SIG_DST so a
   * proof of possession is never a signature on a message and vice versa.
   */
  public static final String BLS_POP_DST = "BLS_POP_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";

  /**
   * Messages of the IC's BLS multi-signatures (notarization, finalization; dfinity/ic
   * rs/crypto/internal/crypto_lib/multi_sig/bls12_381): the IETF proof-of-possession suite.
   */
  public static final String BLS_MULTI_SIG_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";

  /**
   * The IC's proof-of-possession context for multi-signature keys: the PoP is sk * H(ctx || pk96)
   * with H = hash_to_G1 under {@link #BLS_POP_DST} and ctx = one length byte || this string (the
   * IC's DomainSeparationContext encoding).
   */
  public static final String IC_MULTI_SIG_POP_CONTEXT = "ic-multi-sig-bls12381-pop";

  /** Prefix of a certificate's signed message: 0x0D || "ic-state-root" || root_hash. */
  public static final String IC_STATE_ROOT = "ic-state-root";

  /** Request signatures: 0x0A || "ic-request" || request_id (interface spec, "Authentication"). */
  public static final String IC_REQUEST = "ic-request";

  /**
   * Sender delegations (Internet Identity session keys): 0x1A || "ic-request-auth-delegation" ||
   * hash_of_map({pubkey, expiration, targets?}) (interface spec, "Authentication").
   */
  public static final String IC_REQUEST_AUTH_DELEGATION = "ic-request-auth-delegation";

  // IC hash tree node domains (interface spec, Certification): length-prefixed strings.
  public static final String HASHTREE_EMPTY = "ic-hashtree-empty";
  public static final String HASHTREE_FORK = "ic-hashtree-fork";
  public static final String HASHTREE_LABELED = "ic-hashtree-labeled";
  public static final String HASHTREE_LEAF = "ic-hashtree-leaf";

  // vetKD (dfinity/vetkeys 0.4.0).
  public static final String VETKD_CANISTER_ID = "ic-vetkd-bls12-381-g2-canister-id";
  public static final String VETKD_CONTEXT = "ic-vetkd-bls12-381-g2-context";
  public static final String VETKD_MESSAGE_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_";

  // DKG (ours, not IC formats: the IC's NIDKG uses forward-secure chunked encryption instead).
  /** Hash-to-scalar DST of the one-time pad that encrypts a dealt share to its receiver. */
  public static final String DKG_SHARE_PAD = "subnet-sim-dkg-bls12-381-share-pad-v1";

  /** Fiat-Shamir DST of the Chaum-Pedersen proof in a DKG complaint (revealed DH key). */
  public static final String DKG_COMPLAINT_DLEQ = "subnet-sim-dkg-bls12-381-complaint-dleq-v1";

  // Consensus artifacts (ours; the IC signs CBOR-encoded artifacts under its own domains). The
  // certification of a state root signs the IC's own state-root message, so a certification is
  // directly a certificate signature.
  public static final String CONSENSUS_RANDOM_BEACON = "subnet-sim-random-beacon";
  public static final String CONSENSUS_BLOCK_PROPOSAL = "subnet-sim-block-proposal";
  public static final String CONSENSUS_NOTARIZATION = "subnet-sim-notarization";
  public static final String CONSENSUS_FINALIZATION = "subnet-sim-finalization";
  public static final String CONSENSUS_CUP = "subnet-sim-catch-up-package";
  /** A consensus DKG dealing signed by its dealer (resharing the subnet's threshold keys). */
  public static final String CONSENSUS_DKG_DEALING = "subnet-sim-dkg-dealing";

  // Threshold ECDH and document keys (ours, not IC formats): Fiat-Shamir DSTs of the share proofs
  // (RFC 9380 hash_to_field over the curve's scalar field; the curve name is hashed too).
  public static final String ECDH_SHARE_PROOF = "subnet-sim-ecdh-share-dleq-v1";
  public static final String ECDH_ENCRYPTED_SHARE_PROOF = "subnet-sim-ecdh-encrypted-share-v1";
  public static final String DOCUMENT_KEY_SHADOW_PROOF = "subnet-sim-document-key-shadow-dleq-v1";
  public static final String DOCUMENT_KEY_ENCRYPTED_SHADOW_PROOF =
      "subnet-sim-document-key-encrypted-shadow-v1";

  // IDKG (ours; the IC's own separators live in rs/crypto/internal/crypto_lib/threshold_sig/canister_threshold_sig).
  /** Seed of the second Pedersen generator H (hashToPoint): nobody knows log_G(H). */
  public static final String IDKG_PEDERSEN_H = "subnet-sim-idkg-pedersen-generator-h-v1";
  /** Per-receiver pads of IDKG share encryption (hashed ElGamal, MEGa-style). */
  public static final String IDKG_SHARE_PAD = "subnet-sim-idkg-share-pad-v1";
  /** Fiat-Shamir of the ReshareOfMasked equal-opening proof. */
  public static final String IDKG_EQUAL_OPENING_PROOF = "subnet-sim-idkg-equal-opening-v1";
  /** Fiat-Shamir of the UnmaskedTimesMasked product proof. */
  public static final String IDKG_PRODUCT_PROOF = "subnet-sim-idkg-product-v1";
  /** DLEQ of an IDKG complaint (the revealed Diffie-Hellman value is the receiver's). */
  public static final String IDKG_COMPLAINT_DLEQ = "subnet-sim-idkg-complaint-dleq-v1";

  // Threshold ECDSA and Schnorr (ours): per-request rerandomization of presignatures.
  public static final String ECDSA_RERANDOMIZE = "subnet-sim-ecdsa-rerandomize-v1";
  public static final String SCHNORR_RERANDOMIZE = "subnet-sim-schnorr-rerandomize-v1";
}
