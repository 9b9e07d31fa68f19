package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgComplaint;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgOpening;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgReceiver;
import dev.subnetsim.chainkey.idkg.IdkgReceiverKey;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;

/**
 * One node's shares of the refilled presignatures: it decrypts its part of each dealing a built
 * transcript was made of, with its own IDKG receiver key, and combines them into its opening
 * (memoized). A dealing that does not decrypt to an opening of its commitment is remembered (once)
 * for the replica to complain about through consensus and blame on its dealer
 * ({@link PresignatureDealer}); once a threshold of peers' openings of that dealing is recorded in
 * the state ({@link PresignatureComplaints}), this node interpolates its part from them and holds
 * its share after all. Until then it holds no share of that transcript (the others still sign
 * with it as long as a threshold can).
 */
public final class NodePresignatureShares {
  private static final int MEMO_LIMIT = 4096;

  /** A dealing this node could not decrypt: its dealer, and where it is. */
  public record Undecryptable(int dealer, String transcriptId, String keyId, long instance,
      String transcript) {}

  private final int index;
  private final Map<EcCurve, IdkgReceiverKey> receiverKeys;
  /** Openings of whole transcripts (absent while one of its dealings is still unrecovered). */
  private final Map<String, CommitmentOpening> openings = lru();
  /** Openings of single dealings, by transcript, digest and dealer (empty: did not decrypt). */
  private final Map<String, Optional<CommitmentOpening>> parts = lru();
  /** Dealings already reported as undecryptable, so each is complained about once. */
  private final Map<String, Boolean> reported = lru();
  private final List<Undecryptable> undecryptable = new ArrayList<>();

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MEMO_LIMIT;
      }
    };
  }

  public NodePresignatureShares(int index, Map<EcCurve, IdkgReceiverKey> receiverKeys) {
    this.index = index;
    this.receiverKeys = Map.copyOf(receiverKeys);
  }

  public int index() {
    return index;
  }

  /** This node's opening of a built transcript, or empty if it is not built or not yet held. */
  public synchronized Optional<CommitmentOpening> opening(ReplicatedState s, Presignatures p,
      String keyId, long instance, String transcript) {
    Optional<Presignatures.Built> b = p.built(s, keyId, instance, transcript);
    if (b.isEmpty()) {
      return Optional.empty();
    }
    String memoKey = b.get().params().transcriptId() + "#" + b.get().digest();
    CommitmentOpening known = openings.get(memoKey);
    if (known != null) {
      return Optional.of(known);
    }
    List<CommitmentOpening> mine = new ArrayList<>();
    for (IdkgDealing d : b.get().built().dealings()) {
      Optional<CommitmentOpening> o = part(b.get(), d);
      if (o.isEmpty()) {
        o = recovered(s, p, b.get(), keyId, instance, transcript, d);
      }
      o.ifPresent(mine::add);
    }
    if (mine.size() < b.get().built().dealings().size()) {
      return Optional.empty();
    }
    CommitmentOpening combined = IdkgTranscripts.combine(b.get().params(), b.get().built(), mine);
    openings.put(memoKey, combined);
    return Optional.of(combined);
  }

  /** This node's own opening of one dealing of a built transcript, if it decrypts. */
  public synchronized Optional<CommitmentOpening> part(Presignatures.Built b, IdkgDealing d) {
    return parts.computeIfAbsent(b.params().transcriptId() + "#" + b.digest() + "#" + d.dealer(),
        k -> IdkgReceiver.decrypt(b.params(), d, index, receiverKeys.get(b.params().curve())));
  }

  /** A complaint about a dealing this node cannot decrypt (its DH value, DLEQ-proven). */
  public IdkgComplaint complain(IdkgParams p, IdkgDealing d, SecureRandom rng) {
    return IdkgReceiver.complain(p, d, index, receiverKeys.get(p.curve()), rng);
  }

  /** The part recovered from recorded openings, else reports the dealing (once) and is empty. */
  private Optional<CommitmentOpening> recovered(ReplicatedState s, Presignatures p,
      Presignatures.Built b, String keyId, long instance, String transcript, IdkgDealing d) {
    List<IdkgOpening> recorded = p.openings(s, b, keyId, instance, transcript, d.dealer());
    if (recorded.size() >= b.params().threshold()) {
      try {
        CommitmentOpening o = IdkgReceiver.recover(b.params(), d, index, recorded);
        parts.put(b.params().transcriptId() + "#" + b.digest() + "#" + d.dealer(),
            Optional.of(o));
        return Optional.of(o);
      } catch (RuntimeException e) {
        return Optional.empty(); // recorded openings were verified; cannot happen
      }
    }
    String id = b.params().transcriptId() + "#" + b.digest() + "#" + d.dealer();
    if (reported.put(id, true) == null) {
      undecryptable.add(new Undecryptable(d.dealer(), b.params().transcriptId(), keyId, instance,
          transcript));
    }
    return Optional.empty();
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
