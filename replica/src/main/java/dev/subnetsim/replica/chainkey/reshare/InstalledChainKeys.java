package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgComplaint;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgOpening;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgReceiver;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.chainkey.idkg.TranscriptKind;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A target subnet's chain keys after a reshare, derived from the installed dealings in its
 * replicated state (so every replica, including one restarted from a CUP, derives the same): the
 * transcripts (public keys equal the source's, checked), each node's share decrypted with its own
 * registered key from the dealings, and presignature stashes on the reshared signing keys.
 *
 * <p>Simplifications, stated: a prefilled presignature stash (a warm start, if the refill policy
 * asks for one) is made by an IDKG ceremony among the target's nodes run in one place when the keys
 * arrive (as at genesis; each node deals with its own randomness and decrypts only its own shares);
 * the refill then runs through consensus payloads. And the complaints of receivers whose share did not decrypt (a dealer that encrypted garbage,
 * which public verification cannot see) are made, checked and answered here, with the chainkey
 * IDKG's real complaint proofs and openings, instead of as gossiped artifacts. Derivation is
 * memoized per subnet: the first replica to execute the install pays for it.
 */
public final class InstalledChainKeys {
  /**
   * The derived keys: public side, every node's shares (each handed only to its node), and the
   * upheld complaints: a receiver whose share of a dealing did not decrypt proved it (DLEQ) and
   * recovered the share from its peers' openings.
   */
  public record Held(SubnetChainKeys publicKeys, List<NodeChainKeyShares> shares,
      List<Complaint> complaints) {
    public Held {
      shares = List.copyOf(shares);
      complaints = List.copyOf(complaints);
    }
  }

  /** Receiver {@code receiver} complained about source node {@code dealer}'s dealing of a key. */
  public record Complaint(String source, int dealer, String keyId, int receiver) {}

  private final String subnet;
  private final ReshareContext context;
  private final int ecdsaStash;
  private final int schnorrStash;
  private final RefillPolicy refill;
  private final SeededRandom rng;
  private int memoReshare = -1;
  private Held memo;

  public InstalledChainKeys(String subnet, ReshareContext context, int ecdsaStash,
      int schnorrStash, SeededRandom rng) {
    this(subnet, context, ecdsaStash, schnorrStash, RefillPolicy.DEFAULT, rng);
  }

  public InstalledChainKeys(String subnet, ReshareContext context, int ecdsaStash,
      int schnorrStash, RefillPolicy refill, SeededRandom rng) {
    this.refill = refill;
    this.subnet = subnet;
    this.context = context;
    this.ecdsaStash = ecdsaStash;
    this.schnorrStash = schnorrStash;
    this.rng = rng;
  }

  /** The keys installed in {@code state}, if any (derived once per installation). */
  public synchronized Optional<Held> held(ReplicatedState state) {
    Optional<Integer> index = ReshareLedger.installedReshare(state);
    if (index.isEmpty()) {
      return Optional.empty();
    }
    if (memo == null || memoReshare != index.get()) {
      memo = derive(context.schedule().get(index.get()).orElseThrow(),
          ReshareLedger.installedDealings(state));
      memoReshare = index.get();
    }
    return Optional.of(memo);
  }

  /** The keys most recently derived by any replica (for run-level checkers), if any. */
  public synchronized Optional<Held> latest() {
    return Optional.ofNullable(memo);
  }

  private Held derive(Reshare r, SortedMap<String, List<byte[]>> dealings) {
    NodeEncryptionKeys keys = context.targetKeys(subnet);
    int n = keys.size();
    List<Map<String, CommitmentOpening>> openings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      openings.add(new TreeMap<>());
    }
    Map<String, IdkgTranscript> transcripts = new TreeMap<>();
    List<Complaint> complaints = new ArrayList<>();
    PublicCoefficients vetKd = null;
    List<Scalar> vetKdShares = new ArrayList<>();
    for (var e : dealings.entrySet()) {
      String keyId = e.getKey();
      if (keyId.equals(ReshareKey.VETKD_ID)) {
        vetKd = vetKd(r, e.getValue(), vetKdShares);
        continue;
      }
      IdkgParams p = context.ecParams(r, keyId);
      List<IdkgDealing> ds = e.getValue().stream()
          .map(b -> IdkgDealing.fromBytes(TranscriptKind.RESHARE_OF_UNMASKED, p.curve(), b)).toList();
      IdkgTranscripts.Built built = IdkgTranscripts.create(p, ds);
      EcPoint expected = context.sourceTranscript(r.source(), keyId).commitment().constantTerm();
      if (!built.transcript().commitment().constantTerm().equals(expected)) {
        throw new IllegalStateException("reshared " + keyId + " has another public key");
      }
      transcripts.put(keyId, built.transcript());
      for (int i = 0; i < n; i++) {
        List<CommitmentOpening> mine = new ArrayList<>();
        for (IdkgDealing d : built.dealings()) {
          var o = IdkgReceiver.decrypt(p, d, i, keys.idkgKey(i, p.curve()));
          if (o.isEmpty()) {
            o = complainAndRecover(r, keyId, p, d, i, keys, complaints);
          }
          o.ifPresent(mine::add);
        }
        if (mine.size() == built.dealings().size()) {
          openings.get(i).put(keyId, IdkgTranscripts.combine(p, built, mine));
        }
      }
    }
    Map<EcCurve, SigningKeys.Key> ecdsa = new EnumMap<>(EcCurve.class);
    Map<ThresholdSchnorr.Algorithm, SigningKeys.Key> schnorr =
        new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    Map<EcCurve, EcThresholdPublicKey> ecdh = new EnumMap<>(EcCurve.class);
    EcThresholdPublicKey document = null;
    for (var e : transcripts.entrySet()) {
      String keyId = e.getKey();
      SigningKeys.Key key = new SigningKeys.Key(e.getValue(), openingsOf(keyId, openings));
      if (keyId.startsWith("ecdsa/")) {
        ecdsa.put(ReshareContext.curve(keyId.substring(6)), key);
      } else if (keyId.startsWith("schnorr/")) {
        schnorr.put(ReshareContext.algorithm(keyId.substring(8)), key);
      } else if (keyId.startsWith("ecdh/")) {
        ecdh.put(ReshareContext.curve(keyId.substring(5)), feldman(e.getValue(), n));
      } else if (keyId.equals(ChainKeyGenesis.DOCUMENT_KEY_ID)) {
        document = feldman(e.getValue(), n);
      }
    }
    SigningKeys signing = SigningKeys.fromKeys(subnet, n, ecdsa, schnorr,
        ecdsa.isEmpty() ? 0 : ecdsaStash, schnorr.isEmpty() ? 0 : schnorrStash,
        keys.idkgKeysByCurve(), refill, rng.fork("reshare-" + r.index() + "/presignatures"));
    List<NodeChainKeyShares> shares = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<EcCurve, EcSecretShare> ecdhShares = new EnumMap<>(EcCurve.class);
      for (EcCurve c : ecdh.keySet()) {
        CommitmentOpening o = openings.get(i).get(ChainKeyGenesis.ecdhKeyId(c));
        if (o != null) {
          ecdhShares.put(c, new EcSecretShare(i, o.value()));
        }
      }
      CommitmentOpening doc = openings.get(i).get(ChainKeyGenesis.DOCUMENT_KEY_ID);
      shares.add(new NodeChainKeyShares(i, vetKd == null ? null : vetKdShares.get(i), ecdhShares,
          doc == null ? null : new EcSecretShare(i, doc.value()), signing.node(i)));
    }
    return new Held(new SubnetChainKeys(vetKd, ecdh, document, signing.publicSide()), shares,
        complaints);
  }

  /**
   * The IDKG complaint flow for a share that did not decrypt: the receiver publishes its
   * Diffie-Hellman value with a DLEQ proof, every peer checks the complaint and answers with its
   * own opening of that dealing, and the receiver interpolates its share from valid openings.
   */
  private Optional<CommitmentOpening> complainAndRecover(Reshare r, String keyId, IdkgParams p,
      IdkgDealing d, int receiver, NodeEncryptionKeys keys, List<Complaint> complaints) {
    IdkgComplaint complaint = IdkgReceiver.complain(p, d, receiver,
        keys.idkgKey(receiver, p.curve()), rng.fork("complaint/" + keyId + "/" + d.dealer()
            + "/" + receiver));
    if (!complaint.isValid(p, d)) {
      return Optional.empty();
    }
    complaints.add(new Complaint(r.source(), d.dealer(), keyId, receiver));
    List<IdkgOpening> answers = new ArrayList<>();
    for (int j = 0; j < keys.size(); j++) {
      if (j != receiver) {
        int peer = j;
        IdkgReceiver.decrypt(p, d, j, keys.idkgKey(j, p.curve()))
            .ifPresent(o -> answers.add(IdkgReceiver.open(p, d, peer, o)));
      }
    }
    try {
      return Optional.of(IdkgReceiver.recover(p, d, receiver, answers));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // too few honest openers: this receiver holds no share of the key
    }
  }

  private static SortedMap<Integer, CommitmentOpening> openingsOf(String keyId,
      List<Map<String, CommitmentOpening>> openings) {
    TreeMap<Integer, CommitmentOpening> m = new TreeMap<>();
    for (int i = 0; i < openings.size(); i++) {
      CommitmentOpening o = openings.get(i).get(keyId);
      if (o != null) {
        m.put(i, o);
      }
    }
    return m;
  }

  /** The threshold public key of a reshared Feldman key: Y and every node's public share. */
  private static EcThresholdPublicKey feldman(IdkgTranscript t, int n) {
    TreeMap<Integer, EcPoint> shares = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      shares.put(i, t.commitment().evaluateAt(i));
    }
    return new EcThresholdPublicKey(t.curve(), t.threshold(), t.commitment().constantTerm(), shares);
  }

  private PublicCoefficients vetKd(Reshare r, List<byte[]> bytes, List<Scalar> sharesOut) {
    DkgConfig config = context.vetKdConfig(r);
    List<Dealing> dealings = bytes.stream().map(Dealing::fromBytes).toList();
    Transcript transcript = TranscriptBuilder.build(config, dealings, List.of());
    if (!transcript.publicCoefficients().publicKey()
        .equals(context.source(r.source()).publicKeys().vetKdKey().publicKey())) {
      throw new IllegalStateException("reshared vetKD key has another public key");
    }
    NodeEncryptionKeys keys = context.targetKeys(subnet);
    for (int i = 0; i < keys.size(); i++) {
      DkgReceiver receiver = new DkgReceiver(config, i, keys.dkgKey(i));
      for (Dealing d : dealings) {
        receiver.open(d, rng.fork("vetkd-open-" + i));
      }
      sharesOut.add(receiver.computeKeyShare(transcript));
    }
    return transcript.publicCoefficients();
  }
}
