package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.ShareOpening;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One replica's vetKD share of one installation, as {@link ReshareReceiver} does it for the EC
 * keys: it opens its ciphertext in each installed BLS DKG dealing with its own key; for one that
 * does not decrypt to a share matching the dealing's commitment it proposes the complaint the DKG
 * receiver made, and once complaint and a threshold of openings are recorded it interpolates its
 * share of that dealing ({@link DkgReceiver#recoverShare}); it opens its own share of every
 * dealing someone else's upheld complaint names. With every dealing opened or recovered it
 * computes its key share from the transcript.
 */
final class VetKdReceiving {
  private final NodeEncryptionKey key;
  private final int reshare;
  private final InstalledChainKeys.VetKd vetKd;
  private final SeededRandom rng;
  private final TreeMap<Integer, ShareOpening> opened = new TreeMap<>();
  private final TreeSet<Integer> recovered = new TreeSet<>();
  private final TreeSet<Integer> blamed = new TreeSet<>();
  private DkgReceiver receiver;
  private Scalar share;
  /** No share can be had (no vetKD key, or a dealing or transcript this receiver cannot use). */
  private boolean without;

  VetKdReceiving(NodeEncryptionKey key, int reshare, InstalledChainKeys.VetKd vetKd,
      SeededRandom rng) {
    this.key = key;
    this.reshare = reshare;
    this.vetKd = vetKd;
    this.rng = rng;
    without = vetKd == null;
  }

  /** Whether this replica is done: it holds its share, or can never hold one. */
  boolean settled() {
    return share != null || without;
  }

  /** This replica's vetKD key share, or null. */
  Scalar share() {
    return share;
  }

  /**
   * Opens, complains, answers complaints and recovers as the state allows; {@code propose} takes a
   * state record name and the item that creates it (proposed once), {@code blame} a dealer and why.
   */
  void step(ReplicatedState state, BiConsumer<String, Supplier<byte[]>> propose,
      BiConsumer<Integer, String> blame) {
    if (without) {
      return;
    }
    try {
      if (receiver == null) {
        receiver = new DkgReceiver(vetKd.config(), key.index(), key.dkg());
      }
      boolean complete = true;
      for (Dealing d : vetKd.dealings()) {
        complete &= step(state, d, propose, blame);
      }
      if (complete && share == null) {
        share = receiver.computeKeyShare(vetKd.transcript());
      }
    } catch (RuntimeException e) {
      without = true; // installed dealings were checked publicly: cannot happen, hold no share
    }
  }

  /** Whether this replica holds its share of dealing {@code d} (opened or recovered). */
  private boolean step(ReplicatedState state, Dealing d,
      BiConsumer<String, Supplier<byte[]>> propose, BiConsumer<Integer, String> blame) {
    int dealer = d.dealerIndex();
    ShareOpening o = opened.computeIfAbsent(dealer,
        x -> receiver.open(d, rng.fork("vetkd-open/" + reshare + "/" + dealer)));
    if (o instanceof ShareOpening.Valid v) {
      if (InstalledComplaints.complained(state, reshare, ReshareKey.VETKD_ID, dealer)) {
        propose.accept(InstalledComplaints.openingRecord(reshare, ReshareKey.VETKD_ID, dealer,
            key.index()), () -> new PayloadItem.ReshareOpening(reshare, ReshareKey.VETKD_ID,
            dealer, key.index(), v.share().toBytes()).encode());
      }
      return true;
    }
    if (recovered.contains(dealer)) {
      return true;
    }
    SortedMap<Integer, Scalar> openings = VetKdComplaints.openings(state, reshare, dealer);
    if (openings.size() >= d.threshold()
        && receiver.recoverShare(d, Map.copyOf(openings)).isPresent()) {
      recovered.add(dealer);
      return true;
    }
    String record = InstalledComplaints.complaintRecord(reshare, ReshareKey.VETKD_ID, dealer,
        key.index());
    if (!state.keyRecords().containsKey(record) && blamed.add(dealer)) {
      blame.accept(dealer, (reshare == KeyGeneration.INSTANCE ? "key-generation dealing of "
          : "resharing dealing of ") + ReshareKey.VETKD_ID + ": my share does not decrypt; "
          + "complaining through consensus to recover it from peers' openings");
    }
    byte[][] c = VetKdComplaints.encode(((ShareOpening.Invalid) o).complaint());
    propose.accept(record, () -> new PayloadItem.ReshareComplaint(reshare, ReshareKey.VETKD_ID,
        dealer, key.index(), c[0], c[1]).encode());
    return false;
  }

  @Override
  public String toString() {
    return "VetKdReceiving(index=" + key.index() + ", reshare=" + reshare + ", opened="
        + opened.keySet() + ", recovered=" + recovered + ", secrets redacted)";
  }
}
