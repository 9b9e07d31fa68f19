package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.ChaumPedersenProof;
import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.ComplaintVerdict;
import dev.subnetsim.chainkey.dkg.ComplaintVerifier;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replicated-state side of complaints about installed vetKD (BLS DKG) dealings, the
 * counterpart of {@link InstalledComplaints} for the EC keys and recorded under the same names
 * with key id {@link ReshareKey#VETKD_ID}. A complaint carries the complainer's DH key for the
 * dealing (48-byte G1) and its Chaum-Pedersen proof (challenge then response, 32 bytes each);
 * execution upholds it only if the proof holds for the complainer's registered key and the share
 * it reveals fails the dealing's G2 commitment. An opening is a receiver's own share of the
 * complained dealing, checked against the same commitment; from a threshold of them the
 * complainer interpolates its share ({@link VetKdReceiving}).
 */
final class VetKdComplaints {
  private final InstalledChainKeys installed;

  VetKdComplaints(InstalledChainKeys installed) {
    this.installed = installed;
  }

  /** The two byte strings of a complaint's payload item: the DH key and the proof. */
  static byte[][] encode(Complaint c) {
    byte[] proof = new byte[ChaumPedersenProof.BYTES];
    System.arraycopy(c.proof().challenge().toBytes(), 0, proof, 0, Scalar.BYTES);
    System.arraycopy(c.proof().response().toBytes(), 0, proof, Scalar.BYTES, Scalar.BYTES);
    return new byte[][] {c.dhKey().toBytes(), proof};
  }

  /** The recorded (verified) openings of a complained vetKD dealing, by opener. */
  static SortedMap<Integer, Scalar> openings(ReplicatedState state, int reshare, int dealer) {
    String prefix = InstalledComplaints.openingRecord(reshare, ReshareKey.VETKD_ID, dealer, 0);
    prefix = prefix.substring(0, prefix.length() - 6);
    TreeMap<Integer, Scalar> out = new TreeMap<>();
    int from = prefix.length();
    state.keyRecords().subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) ->
        out.put(Integer.parseInt(k.substring(from)), Scalar.fromBytes(v)));
    return out;
  }

  Optional<String> onComplaint(ReplicatedState state, PayloadItem.ReshareComplaint c) {
    String what = "complaint of receiver " + c.complainer() + " about dealer " + c.dealer()
        + "'s resharing dealing of " + c.keyId();
    Optional<Located> at = locate(state, c.reshare(), c.dealer(), c.complainer());
    if (at.isEmpty()) {
      return Optional.of(what + ": no such installed dealing or receiver");
    }
    String record = InstalledComplaints.complaintRecord(c.reshare(), c.keyId(), c.dealer(),
        c.complainer());
    if (state.keyRecords().containsKey(record)) {
      return Optional.empty(); // repeated: already upheld
    }
    Complaint complaint;
    try {
      if (c.proof().length != ChaumPedersenProof.BYTES) {
        throw new IllegalArgumentException("proof must be " + ChaumPedersenProof.BYTES
            + " bytes, got " + c.proof().length);
      }
      complaint = new Complaint(c.dealer(), c.complainer(), G1Point.fromBytes(c.dh()),
          new ChaumPedersenProof(
              Scalar.fromBytes(Arrays.copyOfRange(c.proof(), 0, Scalar.BYTES)),
              Scalar.fromBytes(Arrays.copyOfRange(c.proof(), Scalar.BYTES, 2 * Scalar.BYTES))));
    } catch (RuntimeException e) {
      return Optional.of("malformed " + what + ": " + e.getMessage());
    }
    ComplaintVerdict verdict;
    try {
      verdict = ComplaintVerifier.verify(at.get().config(), at.get().dealing(), complaint);
    } catch (RuntimeException e) {
      verdict = ComplaintVerdict.REJECTED_BAD_PROOF; // a hostile value that makes the check throw
    }
    if (verdict != ComplaintVerdict.UPHELD) {
      return Optional.of("false " + what + " (" + verdict + ")");
    }
    state.keyRecords().put(record, c.encode());
    return Optional.empty();
  }

  Optional<String> onOpening(ReplicatedState state, PayloadItem.ReshareOpening o) {
    String what = "opening by receiver " + o.opener() + " of dealer " + o.dealer()
        + "'s resharing dealing of " + o.keyId();
    Optional<Located> at = locate(state, o.reshare(), o.dealer(), o.opener());
    if (at.isEmpty()) {
      return Optional.of(what + ": no such installed dealing or receiver");
    }
    if (!InstalledComplaints.complained(state, o.reshare(), o.keyId(), o.dealer())) {
      return Optional.of(what + ", which no upheld complaint asks for");
    }
    String record = InstalledComplaints.openingRecord(o.reshare(), o.keyId(), o.dealer(),
        o.opener());
    if (state.keyRecords().containsKey(record)) {
      return Optional.empty();
    }
    Scalar value;
    try {
      value = Scalar.fromBytes(o.value());
    } catch (RuntimeException e) {
      return Optional.of("malformed " + what + ": " + e.getMessage());
    }
    if (!at.get().dealing().commitment().verifyShare(o.opener(), value)) {
      return Optional.of("wrong " + what + " (does not open the dealing's commitment)");
    }
    state.keyRecords().put(record, value.toBytes());
    return Optional.empty();
  }

  private record Located(DkgConfig config, Dealing dealing) {}

  /** The installed vetKD dealing named, if the reshare is installed and the receiver in range. */
  private Optional<Located> locate(ReplicatedState state, int reshare, int dealer,
      int receiver) {
    Optional<InstalledChainKeys.Held> held = installed.held(state);
    if (held.isEmpty() || held.get().reshare() != reshare || held.get().vetKd() == null) {
      return Optional.empty();
    }
    InstalledChainKeys.VetKd key = held.get().vetKd();
    if (receiver < 0 || receiver >= key.config().receiverCount()) {
      return Optional.empty();
    }
    return key.dealings().stream().filter(d -> d.dealerIndex() == dealer).findFirst()
        .map(d -> new Located(key.config(), d));
  }
}
