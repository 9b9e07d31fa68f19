package dev.subnetsim.replica.cpu;

import dev.subnetsim.consensus.crypto.CryptoWork;
import java.util.Optional;

/**
 * Every operation the virtual CPU charges for, by its name in the cost table: consensus BLS and
 * NIDKG work ({@link CryptoWork}), the chain-key schemes' shares, IDKG dealings, and canister
 * execution. "Per share", "per signature" and "per receiver" operations are charged that many
 * times, so one table line prices an operation at any subnet size or threshold.
 */
public enum CpuOp {
  BLS_SIGN_SHARE(CryptoWork.Op.BLS_SIGN_SHARE),
  BLS_SIGN_INDIVIDUAL(CryptoWork.Op.BLS_SIGN_INDIVIDUAL),
  BLS_VERIFY_SHARE(CryptoWork.Op.BLS_VERIFY_SHARE),
  BLS_VERIFY_INDIVIDUAL(CryptoWork.Op.BLS_VERIFY_INDIVIDUAL),
  BLS_COMBINE_SHARE(CryptoWork.Op.BLS_COMBINE_SHARE),
  BLS_AGGREGATE_SIGNATURE(CryptoWork.Op.BLS_AGGREGATE_SIGNATURE),
  BLS_VERIFY_COMBINED(CryptoWork.Op.BLS_VERIFY_COMBINED),
  BLS_VERIFY_MULTISIG(CryptoWork.Op.BLS_VERIFY_MULTISIG),
  NIDKG_DEAL_PER_RECEIVER(CryptoWork.Op.NIDKG_DEAL_PER_RECEIVER),
  NIDKG_VERIFY_DEALING_PER_RECEIVER(CryptoWork.Op.NIDKG_VERIFY_DEALING_PER_RECEIVER),
  IDKG_DEAL_PER_RECEIVER("idkg-deal-per-receiver"),
  IDKG_VERIFY_DEALING_PER_RECEIVER("idkg-verify-dealing-per-receiver"),
  ECDSA_SIGN_SHARE("ecdsa-sign-share"),
  ECDSA_VERIFY_SHARE("ecdsa-verify-share"),
  ECDSA_COMBINE_SHARE("ecdsa-combine-share"),
  SCHNORR_SIGN_SHARE("schnorr-sign-share"),
  SCHNORR_VERIFY_SHARE("schnorr-verify-share"),
  SCHNORR_COMBINE_SHARE("schnorr-combine-share"),
  VETKD_SIGN_SHARE("vetkd-sign-share"),
  VETKD_VERIFY_SHARE("vetkd-verify-share"),
  VETKD_COMBINE_SHARE("vetkd-combine-share"),
  ECDH_SIGN_SHARE("ecdh-sign-share"),
  ECDH_VERIFY_SHARE("ecdh-verify-share"),
  ECDH_COMBINE_SHARE("ecdh-combine-share"),
  /** A canister message's fixed part (scheduling, state access), whatever it runs. */
  EXECUTE_MESSAGE("execute-message"),
  /** One instruction as the execution environment counts them ({@code ExecutionEnvironment}). */
  CANISTER_INSTRUCTION("canister-instruction");

  private final String costName;

  /** A consensus operation: its name is the one consensus counts it under. */
  CpuOp(CryptoWork.Op consensus) {
    this(consensus.costName());
  }

  CpuOp(String costName) {
    this.costName = costName;
  }

  /** The operation's name in the cost table. */
  public String costName() {
    return costName;
  }

  /** The operation named {@code costName}, if any. */
  public static Optional<CpuOp> byCostName(String costName) {
    for (CpuOp op : values()) {
      if (op.costName.equals(costName)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** The CPU operation a consensus crypto operation is. */
  public static CpuOp of(CryptoWork.Op op) {
    return byCostName(op.costName()).orElseThrow(() -> new IllegalStateException(
        "consensus operation " + op + " has no CPU operation named " + op.costName()));
  }

  /** Making a share for a chain-key method, if it is a threshold one. */
  public static Optional<CpuOp> signShare(String method) {
    return family(method).map(f -> f[0]);
  }

  /** Verifying a share for a chain-key method, if it is a threshold one. */
  public static Optional<CpuOp> verifyShare(String method) {
    return family(method).map(f -> f[1]);
  }

  /** Combining a chain-key method's reply, per share, if it is a threshold one. */
  public static Optional<CpuOp> combineShare(String method) {
    return family(method).map(f -> f[2]);
  }

  // Document key shadows are threshold ECDH on secp256k1 (a decryption share per node).
  private static Optional<CpuOp[]> family(String method) {
    return Optional.ofNullable(switch (method) {
      case "sign_with_ecdsa" -> new CpuOp[] {ECDSA_SIGN_SHARE, ECDSA_VERIFY_SHARE,
          ECDSA_COMBINE_SHARE};
      case "sign_with_schnorr" -> new CpuOp[] {SCHNORR_SIGN_SHARE, SCHNORR_VERIFY_SHARE,
          SCHNORR_COMBINE_SHARE};
      case "vetkd_derive_key" -> new CpuOp[] {VETKD_SIGN_SHARE, VETKD_VERIFY_SHARE,
          VETKD_COMBINE_SHARE};
      case "ecdh_derive", "document_key_shadows" -> new CpuOp[] {ECDH_SIGN_SHARE,
          ECDH_VERIFY_SHARE, ECDH_COMBINE_SHARE};
      default -> null;
    });
  }
}
