package dev.subnetsim.consensus.crypto;

import java.util.EnumMap;
import java.util.Map;

/**
 * The consensus cryptography one replica performs, as the protocol asks it to: every share it
 * signs, every share and signature it verifies, every share it combines. Unlike {@link
 * CryptoOpCounter} (what the run's JVM actually computed, where a verification answered by the
 * shared cache costs nothing), a verification counts here whether or not another replica already
 * did it: on a real subnet each node verifies for itself. The virtual CPU model prices these.
 * One replica steps on one thread at a time, so the counts are plain fields.
 */
public final class CryptoWork {
  /** The operations, by the names of the CPU cost table. */
  public enum Op {
    BLS_SIGN_SHARE("bls-sign-share"),
    BLS_SIGN_INDIVIDUAL("bls-sign-individual"),
    BLS_VERIFY_SHARE("bls-verify-share"),
    BLS_VERIFY_INDIVIDUAL("bls-verify-individual"),
    /** Per share combined into a threshold signature. */
    BLS_COMBINE_SHARE("bls-combine-share"),
    /** Per signature aggregated into a multi-signature. */
    BLS_AGGREGATE_SIGNATURE("bls-aggregate-signature"),
    BLS_VERIFY_COMBINED("bls-verify-combined"),
    BLS_VERIFY_MULTISIG("bls-verify-multisig"),
    /** Making a NIDKG dealing, per receiver. */
    NIDKG_DEAL_PER_RECEIVER("nidkg-deal-per-receiver"),
    /** Verifying a NIDKG dealing, per receiver. */
    NIDKG_VERIFY_DEALING_PER_RECEIVER("nidkg-verify-dealing-per-receiver");

    private final String costName;

    Op(String costName) {
      this.costName = costName;
    }

    /** The operation's name in the CPU cost table. */
    public String costName() {
      return costName;
    }
  }

  private final long[] counts = new long[Op.values().length];

  void add(Op op, long times) {
    counts[op.ordinal()] += times;
  }

  void add(Op op) {
    counts[op.ordinal()]++;
  }

  /** The counts since the last drain (zero counts left out), and zero from now on. */
  public Map<Op, Long> drain() {
    Map<Op, Long> out = new EnumMap<>(Op.class);
    for (Op op : Op.values()) {
      if (counts[op.ordinal()] != 0) {
        out.put(op, counts[op.ordinal()]);
        counts[op.ordinal()] = 0;
      }
    }
    return out;
  }
}
