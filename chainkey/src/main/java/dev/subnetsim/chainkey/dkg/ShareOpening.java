package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.Scalar;
import java.util.Objects;

/** What a receiver gets from opening its ciphertext in a dealing: a valid share, or a complaint. */
public sealed interface ShareOpening {

  int dealerIndex();

  /** The decrypted share matches the commitment. {@link #toString()} does not print it. */
  record Valid(int dealerIndex, Scalar share) implements ShareOpening {
    public Valid {
      Objects.requireNonNull(share, "share");
    }

    @Override
    public String toString() {
      return "Valid(dealer=" + dealerIndex + ", share redacted)";
    }
  }

  /** The decrypted share does not match: the complaint to publish. */
  record Invalid(Complaint complaint) implements ShareOpening {
    public Invalid {
      Objects.requireNonNull(complaint, "complaint");
    }

    @Override
    public int dealerIndex() {
      return complaint.dealerIndex();
    }
  }
}
