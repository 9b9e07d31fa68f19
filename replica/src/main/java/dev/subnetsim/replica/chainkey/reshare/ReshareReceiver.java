package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgComplaint;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgReceiver;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One target replica's part in receiving reshared keys, or its subnet's keys generated through
 * its own consensus ({@link KeyGeneration}), outside the replicated state, like the IC's IDKG
 * component loading a transcript: when its executed state holds installed dealings, it
 * decrypts its own share of each with its own encryption key, and nobody else's. A replica that is
 * down when the keys are installed decrypts nothing then; when it returns, the installed dealings
 * are in the state it restarts from (as the IC's CUP carries the transcripts), and it decrypts its
 * share from them then.
 *
 * <p>A share that does not decrypt (its dealer encrypted garbage, which public verification cannot
 * see) makes this replica propose a complaint ({@link InstalledComplaints}); once the complaint is
 * upheld in a block, every receiver proposes its own opening of that dealing, and this replica
 * interpolates its share from the openings recorded in the state. It installs its shares when it
 * holds its part of every dealing, and keeps answering others' upheld complaints afterwards. The
 * vetKD key's BLS DKG dealings go through the same round ({@link VetKdReceiving}).
 */
public final class ReshareReceiver {
  private final NodeEncryptionKey key;
  private final InstalledChainKeys installed;
  private final SeededRandom rng;
  /** The installation whose shares this replica holds or seeks (none yet: MIN_VALUE). */
  private int reshare = Integer.MIN_VALUE;
  /** This replica's openings of the installed EC dealings, by key and dealer (decrypted once). */
  private final TreeMap<String, Optional<CommitmentOpening>> mine = new TreeMap<>();
  private VetKdReceiving vetKd;
  private NodeChainKeyShares shares;
  /** Proposed complaints and openings by state record name, to withdraw once executed. */
  private final TreeMap<String, byte[]> proposed = new TreeMap<>();

  /** A dealer whose dealing this replica could not decrypt. */
  public record Blame(String source, int dealer, String reason) {}

  /** What the replica must do: install shares (once), propose and withdraw items, blame dealers. */
  public record Effects(Optional<NodeChainKeyShares> installedNow, List<byte[]> propose,
      List<byte[]> withdraw, List<Blame> blamed) {
    static Effects none() {
      return new Effects(Optional.empty(), List.of(), List.of(), List.of());
    }
  }

  public ReshareReceiver(NodeEncryptionKey key, InstalledChainKeys installed, SeededRandom rng) {
    this.key = key;
    this.installed = installed;
    this.rng = rng;
  }

  /** This replica's shares of the installed keys, once it holds its part of every dealing. */
  public Optional<NodeChainKeyShares> shares() {
    return Optional.ofNullable(shares);
  }

  /** After executing a block: decrypt, complain, open, recover and install as the state allows. */
  public Effects afterExecution(ReplicatedState state) {
    Optional<InstalledChainKeys.Held> h = installed.held(state);
    if (h.isEmpty()) {
      return Effects.none();
    }
    InstalledChainKeys.Held held = h.get();
    if (held.reshare() != reshare) {
      reshare = held.reshare();
      mine.clear();
      proposed.clear();
      vetKd = new VetKdReceiving(key, reshare, held.vetKd(), rng);
      shares = null;
    }
    List<byte[]> propose = new ArrayList<>();
    List<byte[]> withdraw = new ArrayList<>();
    List<Blame> blamed = new ArrayList<>();
    for (var e : new ArrayList<>(proposed.entrySet())) {
      if (state.keyRecords().containsKey(e.getKey())) {
        withdraw.add(e.getValue());
        proposed.remove(e.getKey());
      }
    }
    if (shares != null && !InstalledComplaints.anyComplaint(state, reshare)) {
      return new Effects(Optional.empty(), propose, withdraw, blamed);
    }
    boolean complete = true;
    Map<String, CommitmentOpening> combined = new TreeMap<>();
    for (var e : held.ec().entrySet()) {
      String keyId = e.getKey();
      IdkgParams p = e.getValue().params();
      IdkgTranscripts.Built built = e.getValue().built();
      List<CommitmentOpening> openings = new ArrayList<>();
      for (IdkgDealing d : built.dealings()) {
        Optional<CommitmentOpening> o = opening(state, held, p, keyId, d, propose, blamed);
        o.ifPresent(openings::add);
        complete &= o.isPresent();
      }
      if (openings.size() == built.dealings().size()) {
        combined.put(keyId, IdkgTranscripts.combine(p, built, openings));
      }
    }
    vetKd.step(state, (record, item) -> propose(state, record, item, propose),
        (dealer, why) -> blamed.add(new Blame(held.source(), dealer, why)));
    complete &= vetKd.settled();
    if (shares != null || !complete) {
      return new Effects(Optional.empty(), propose, withdraw, blamed);
    }
    shares = assemble(combined);
    return new Effects(Optional.of(shares), propose, withdraw, blamed);
  }

  /**
   * This replica's opening of one installed dealing: decrypted with its own key, or recovered
   * from the recorded openings after its complaint; proposes its complaint or (for others'
   * upheld complaints) its own opening when due.
   */
  private Optional<CommitmentOpening> opening(ReplicatedState state, InstalledChainKeys.Held held,
      IdkgParams p, String keyId, IdkgDealing d, List<byte[]> propose, List<Blame> blamed) {
    String id = keyId + "/" + d.dealer();
    Optional<CommitmentOpening> o = mine.computeIfAbsent(id,
        x -> IdkgReceiver.decrypt(p, d, key.index(), key.idkg(p.curve())));
    if (o.isPresent()) {
      if (InstalledComplaints.complained(state, reshare, keyId, d.dealer())) {
        String record = InstalledComplaints.openingRecord(reshare, keyId, d.dealer(),
            key.index());
        propose(state, record, () -> new PayloadItem.ReshareOpening(reshare, keyId, d.dealer(),
            key.index(), o.get().value().toBytes()).encode(), propose);
      }
      return o;
    }
    var recorded = InstalledComplaints.openings(state, p, reshare, keyId, d.dealer());
    if (recorded.size() >= p.threshold()) {
      // Verified at execution; interpolation checks the result against the commitment again.
      try {
        CommitmentOpening recovered = IdkgReceiver.recover(p, d, key.index(), recorded);
        mine.put(id, Optional.of(recovered));
        return Optional.of(recovered);
      } catch (RuntimeException e) {
        return Optional.empty(); // cannot happen with verified openings; hold no share then
      }
    }
    String record = InstalledComplaints.complaintRecord(reshare, keyId, d.dealer(), key.index());
    if (!state.keyRecords().containsKey(record) && !proposed.containsKey(record)) {
      blamed.add(new Blame(held.source(), d.dealer(), (reshare == KeyGeneration.INSTANCE
          ? "key-generation dealing of " : "resharing dealing of ") + keyId
          + ": my share does not decrypt; complaining through consensus to recover it from "
          + "peers' openings"));
    }
    propose(state, record, () -> {
      IdkgComplaint c = IdkgReceiver.complain(p, d, key.index(), key.idkg(p.curve()),
          rng.fork("complaint/" + reshare + "/" + id));
      return new PayloadItem.ReshareComplaint(reshare, keyId, d.dealer(), key.index(),
          c.dh().encode(), c.proof().toBytes()).encode();
    }, propose);
    return Optional.empty();
  }

  private void propose(ReplicatedState state, String record,
      java.util.function.Supplier<byte[]> item, List<byte[]> out) {
    if (state.keyRecords().containsKey(record) || proposed.containsKey(record)) {
      return;
    }
    byte[] bytes = item.get();
    proposed.put(record, bytes);
    out.add(bytes);
  }

  private NodeChainKeyShares assemble(Map<String, CommitmentOpening> combined) {
    int i = key.index();
    Map<EcCurve, CommitmentOpening> ecdsa = new EnumMap<>(EcCurve.class);
    Map<ThresholdSchnorr.Algorithm, CommitmentOpening> schnorr =
        new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    Map<EcCurve, EcSecretShare> ecdh = new EnumMap<>(EcCurve.class);
    EcSecretShare document = null;
    for (var e : combined.entrySet()) {
      String keyId = e.getKey();
      if (keyId.startsWith("ecdsa/")) {
        ecdsa.put(ReshareContext.curve(keyId.substring(6)), e.getValue());
      } else if (keyId.startsWith("schnorr/")) {
        schnorr.put(ReshareContext.algorithm(keyId.substring(8)), e.getValue());
      } else if (keyId.startsWith("ecdh/")) {
        ecdh.put(ReshareContext.curve(keyId.substring(5)), new EcSecretShare(i,
            e.getValue().value()));
      } else if (keyId.equals(ChainKeyGenesis.DOCUMENT_KEY_ID)) {
        document = new EcSecretShare(i, e.getValue().value());
      }
    }
    return new NodeChainKeyShares(i, vetKd.share(), ecdh, document,
        SigningKeys.resharedNode(i, ecdsa, schnorr, key.idkg()));
  }
}
