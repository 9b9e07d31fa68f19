package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgDealingVerifier;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.InvalidDealingException;
import dev.subnetsim.chainkey.idkg.MalformedIdkgBytesException;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.List;
import java.util.Optional;

/**
 * Whether a presignature dealing from a block may be recorded: cheap checks first (known key,
 * transcript, dealer and an opened instance), whether it is still needed, then public verification,
 * whose verdicts are memoized by content (every replica of the subnet checks the same bytes).
 */
final class PresignatureDealingChecks {
  private final int n;
  private final PresignatureInstances instances;
  private final ContentMemo<Optional<String>> verdicts = new ContentMemo<>();

  PresignatureDealingChecks(int n, PresignatureInstances instances) {
    this.n = n;
    this.instances = instances;
  }

  /**
   * Why a dealing can never be used, from checks that need no cryptography (unknown key,
   * transcript or dealer, or an instance that was never opened); empty if it may be.
   */
  Optional<String> refusal(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    if (!instances.knows(d.keyId()) || !instances.refills(d.keyId())) {
      return Optional.of("presignature dealing for key " + d.keyId() + ", which this subnet does "
          + "not refill");
    }
    if (!PresignatureRecipe.of(d.keyId()).has(d.transcript())) {
      return Optional.of("presignature dealing for unknown transcript " + d.transcript());
    }
    if (d.dealer() < 0 || d.dealer() >= n) {
      return Optional.of("presignature dealing from unknown dealer " + d.dealer());
    }
    if (d.instance() < instances.prefilled(d.keyId())
        || d.instance() >= instances.next(s, d.keyId())) {
      return Optional.of("presignature dealing for instance " + d.instance() + " of "
          + d.keyId() + ", which is not open");
    }
    return Optional.empty();
  }

  /**
   * Whether a dealing of an opened instance is no longer needed (its instance is done or
   * abandoned, its transcript built, or this dealer's dealing recorded): harmless, ignored.
   */
  boolean late(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    return !instances.building(s, d.keyId()).contains(d.instance())
        || instances.isBuilt(s, d.keyId(), d.instance(), d.transcript())
        || instances.hasDealing(s, d.keyId(), d.instance(), d.transcript(), d.dealer());
  }

  /**
   * Checks a dealing publicly (well formed, for this instance and dealer, proofs, and for a
   * reshare or product the constant term is the dealer's public share); empty if valid.
   */
  Optional<String> check(IdkgParams p, int dealer, byte[] bytes) {
    String key = p.transcriptId() + "/" + dealer + "/"
        + PresignatureTranscripts.sha256(List.of(bytes));
    Optional<String> known = verdicts.get(key);
    if (known != null) {
      return known;
    }
    Optional<String> verdict;
    try {
      IdkgDealing d = IdkgDealing.fromBytes(p.kind(), p.curve(), bytes);
      if (d.dealer() != dealer || !d.transcriptId().equals(p.transcriptId())) {
        verdict = Optional.of("presignature dealing names dealer " + d.dealer() + " and instance "
            + d.transcriptId() + ", expected " + dealer + " and " + p.transcriptId());
      } else {
        IdkgDealingVerifier.verify(p, d);
        verdict = Optional.empty();
      }
    } catch (MalformedIdkgBytesException e) {
      verdict = malformed(p, dealer, e); // not "invalid", though an IllegalArgumentException
    } catch (InvalidDealingException | IllegalArgumentException e) {
      verdict = Optional.of("invalid presignature dealing for " + p.transcriptId()
          + " from dealer " + dealer + ": " + e.getMessage());
    } catch (RuntimeException e) {
      verdict = malformed(p, dealer, e);
    }
    verdicts.put(key, verdict);
    return verdict;
  }

  private static Optional<String> malformed(IdkgParams p, int dealer, RuntimeException e) {
    return Optional.of("malformed presignature dealing for " + p.transcriptId()
        + " from dealer " + dealer + ": " + e.getMessage());
  }
}
