package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgReceiver;
import dev.subnetsim.chainkey.idkg.IdkgReceiverKey;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node's shares of the refilled presignatures: it decrypts its part of each dealing a built
 * transcript was made of, with its own IDKG receiver key, and combines them into its opening
 * (memoized). A dealing that does not decrypt to an opening of its commitment leaves this node
 * without a share of that transcript, and is remembered as the dealer's fault for the replica to
 * report.
 *
 * <p>Simplification, stated: the IC's IDKG has receivers support dealings they could decrypt and
 * complain (with openings from peers) about ones they could not, so a transcript is only built from
 * dealings every honest receiver can use. Here a receiver that cannot decrypt simply holds no share
 * of that presignature (the others still sign with it as long as a threshold can), and the dealer
 * is blamed.
 */
public final class NodePresignatureShares {
  private static final int MEMO_LIMIT = 4096;

  /** A dealing this node could not decrypt: its dealer and the transcript. */
  public record Undecryptable(int dealer, String transcriptId) {}

  private final int index;
  private final Map<EcCurve, IdkgReceiverKey> receiverKeys;
  private final Map<String, Optional<CommitmentOpening>> openings = new LinkedHashMap<>(256,
      0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<CommitmentOpening>> eldest) {
      return size() > MEMO_LIMIT;
    }
  };
  private final List<Undecryptable> undecryptable = new ArrayList<>();

  public NodePresignatureShares(int index, Map<EcCurve, IdkgReceiverKey> receiverKeys) {
    this.index = index;
    this.receiverKeys = Map.copyOf(receiverKeys);
  }

  public int index() {
    return index;
  }

  /** This node's opening of a built transcript, or empty if it is not built or did not decrypt. */
  public synchronized Optional<CommitmentOpening> opening(ReplicatedState s, Presignatures p,
      String keyId, long instance, String transcript) {
    Optional<Presignatures.Built> b = p.built(s, keyId, instance, transcript);
    if (b.isEmpty()) {
      return Optional.empty();
    }
    String memoKey = b.get().params().transcriptId() + "#" + b.get().digest();
    Optional<CommitmentOpening> known = openings.get(memoKey);
    if (known != null) {
      return known;
    }
    Optional<CommitmentOpening> mine = decrypt(b.get());
    openings.put(memoKey, mine);
    return mine;
  }

  private Optional<CommitmentOpening> decrypt(Presignatures.Built b) {
    IdkgReceiverKey key = receiverKeys.get(b.params().curve());
    List<CommitmentOpening> parts = new ArrayList<>();
    for (IdkgDealing d : b.built().dealings()) {
      Optional<CommitmentOpening> o = IdkgReceiver.decrypt(b.params(), d, index, key);
      if (o.isEmpty()) {
        undecryptable.add(new Undecryptable(d.dealer(), b.params().transcriptId()));
        return Optional.empty();
      }
      parts.add(o.get());
    }
    return Optional.of(IdkgTranscripts.combine(b.params(), b.built(), parts));
  }

  /** This node's shares of a ready refilled ECDSA presignature, if it holds them. */
  public Optional<ThresholdEcdsa.NodeShares> ecdsa(ReplicatedState s, Presignatures p,
      EcCurve curve, long instance) {
    String keyId = "ecdsa/" + curve;
    Optional<CommitmentOpening> lambda = opening(s, p, keyId, instance, "lambda");
    Optional<CommitmentOpening> kl = opening(s, p, keyId, instance, "kappa-lambda");
    Optional<CommitmentOpening> keyl = opening(s, p, keyId, instance, "key-lambda");
    if (lambda.isEmpty() || kl.isEmpty() || keyl.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ThresholdEcdsa.NodeShares((CommitmentOpening.Pedersen) lambda.get(),
        (CommitmentOpening.Pedersen) kl.get(), (CommitmentOpening.Pedersen) keyl.get()));
  }

  /** Dealings found undecryptable since the last call (to attribute to their dealers). */
  public synchronized List<Undecryptable> drainUndecryptable() {
    List<Undecryptable> out = List.copyOf(undecryptable);
    undecryptable.clear();
    return out;
  }

  @Override
  public String toString() {
    return "NodePresignatureShares[index=" + index + ", <secret openings>]";
  }
}
