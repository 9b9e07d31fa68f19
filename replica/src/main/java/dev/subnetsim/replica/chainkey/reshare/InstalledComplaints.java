package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgComplaint;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgOpening;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replicated-state side of complaints about installed reshare dealings (run by block
 * execution, the same on every replica of the target). A receiver whose share of an installed EC
 * dealing does not decrypt complains with its DH value and a DLEQ proof; execution checks the
 * proof against the complainer's registered key and that the ciphertext indeed fails to open the
 * dealing's commitment, and records the complaint. Only then may receivers open that dealing: each
 * opening is checked against the dealing's commitment and recorded, and from a threshold of them
 * the complainer interpolates its share ({@link ReshareReceiver}).
 *
 * <p>Only a dealing proven bad is ever opened: the openings of a dealing reveal its polynomial,
 * whose constant is its dealer's share of the source key, so opening honest dealings would hand
 * the source's key to anyone reading the blocks. A false complaint, an opening of an
 * uncomplained dealing and a wrong opening are rejected (attributed to the block maker, the only
 * node that proposes its own complaints and openings). The vetKD key's BLS DKG dealings go through
 * the same round, checked by {@link VetKdComplaints}.
 */
public final class InstalledComplaints {
  private static final String COMPLAINT = "reshare-complaint/";
  private static final String OPENING = "reshare-opening/";

  private final InstalledChainKeys installed;
  private final VetKdComplaints vetKd;

  public InstalledComplaints(InstalledChainKeys installed) {
    this.installed = installed;
    this.vetKd = new VetKdComplaints(installed);
  }

  static String dealingKey(int reshare, String keyId, int dealer) {
    return reshare + "/" + keyId + "/" + String.format("%06d", dealer) + "/";
  }

  static String complaintRecord(int reshare, String keyId, int dealer, int complainer) {
    return COMPLAINT + dealingKey(reshare, keyId, dealer) + String.format("%06d", complainer);
  }

  static String openingRecord(int reshare, String keyId, int dealer, int opener) {
    return OPENING + dealingKey(reshare, keyId, dealer) + String.format("%06d", opener);
  }

  /** Whether any complaint against a dealing of reshare {@code reshare} is recorded. */
  static boolean anyComplaint(ReplicatedState state, int reshare) {
    String prefix = COMPLAINT + reshare + "/";
    return !state.keyRecords().subMap(prefix, prefix + Character.MAX_VALUE).isEmpty();
  }

  /** Whether a complaint against dealer {@code dealer}'s dealing of {@code keyId} is upheld. */
  static boolean complained(ReplicatedState state, int reshare, String keyId, int dealer) {
    String prefix = COMPLAINT + dealingKey(reshare, keyId, dealer);
    return !state.keyRecords().subMap(prefix, prefix + Character.MAX_VALUE).isEmpty();
  }

  /** The recorded (verified) openings of a complained dealing, by opener. */
  static List<IdkgOpening> openings(ReplicatedState state, IdkgParams p, int reshare,
      String keyId, int dealer) {
    String prefix = OPENING + dealingKey(reshare, keyId, dealer);
    List<IdkgOpening> out = new ArrayList<>();
    state.keyRecords().subMap(prefix, prefix + Character.MAX_VALUE).forEach((k, v) ->
        out.add(new IdkgOpening(p.transcriptId(), dealer,
            Integer.parseInt(k.substring(prefix.length())),
            new CommitmentOpening.Simple(EcScalar.fromBytes(p.curve(), v)))));
    return out;
  }

  /** Executes a complaint item; returns why it was rejected, or empty. */
  public Optional<String> onComplaint(ReplicatedState state, PayloadItem.ReshareComplaint c) {
    if (c.keyId().equals(ReshareKey.VETKD_ID)) {
      return vetKd.onComplaint(state, c);
    }
    String what = "complaint of receiver " + c.complainer() + " about dealer " + c.dealer()
        + "'s resharing dealing of " + c.keyId();
    Optional<Located> at = locate(state, c.reshare(), c.keyId(), c.dealer(), c.complainer());
    if (at.isEmpty()) {
      return Optional.of(what + ": no such installed dealing or receiver");
    }
    String record = complaintRecord(c.reshare(), c.keyId(), c.dealer(), c.complainer());
    if (state.keyRecords().containsKey(record)) {
      return Optional.empty(); // repeated: already upheld
    }
    IdkgParams p = at.get().params();
    IdkgComplaint complaint;
    try {
      complaint = new IdkgComplaint(p.transcriptId(), c.dealer(), c.complainer(),
          EcPoint.decode(p.curve(), c.dh()), EcDleqProof.fromBytes(p.curve(), c.proof()));
    } catch (RuntimeException e) {
      return Optional.of("malformed " + what + ": " + e.getMessage());
    }
    if (!valid(complaint, p, at.get().dealing())) {
      return Optional.of("false " + what + " (proof fails or the share decrypts)");
    }
    state.keyRecords().put(record, c.encode());
    return Optional.empty();
  }

  /** Executes an opening item; returns why it was rejected, or empty. */
  public Optional<String> onOpening(ReplicatedState state, PayloadItem.ReshareOpening o) {
    if (o.keyId().equals(ReshareKey.VETKD_ID)) {
      return vetKd.onOpening(state, o);
    }
    String what = "opening by receiver " + o.opener() + " of dealer " + o.dealer()
        + "'s resharing dealing of " + o.keyId();
    Optional<Located> at = locate(state, o.reshare(), o.keyId(), o.dealer(), o.opener());
    if (at.isEmpty()) {
      return Optional.of(what + ": no such installed dealing or receiver");
    }
    if (!complained(state, o.reshare(), o.keyId(), o.dealer())) {
      return Optional.of(what + ", which no upheld complaint asks for");
    }
    String record = openingRecord(o.reshare(), o.keyId(), o.dealer(), o.opener());
    if (state.keyRecords().containsKey(record)) {
      return Optional.empty();
    }
    IdkgParams p = at.get().params();
    EcScalar value;
    try {
      value = EcScalar.fromBytes(p.curve(), o.value());
    } catch (RuntimeException e) {
      return Optional.of("malformed " + what + ": " + e.getMessage());
    }
    if (!new IdkgOpening(p.transcriptId(), o.dealer(), o.opener(),
        new CommitmentOpening.Simple(value)).isValid(at.get().dealing())) {
      return Optional.of("wrong " + what + " (does not open the dealing's commitment)");
    }
    state.keyRecords().put(record, value.toBytes());
    return Optional.empty();
  }

  private record Located(IdkgParams params, IdkgDealing dealing) {}

  /** The installed dealing named, if the reshare is installed and {@code receiver} is in range. */
  private Optional<Located> locate(ReplicatedState state, int reshare, String keyId, int dealer,
      int receiver) {
    Optional<InstalledChainKeys.Held> held = installed.held(state);
    if (held.isEmpty() || held.get().reshare() != reshare) {
      return Optional.empty();
    }
    InstalledChainKeys.EcKey key = held.get().ec().get(keyId);
    if (key == null || !key.params().receiverKeys().containsKey(receiver)) {
      return Optional.empty();
    }
    return key.built().dealings().stream().filter(d -> d.dealer() == dealer).findFirst()
        .map(d -> new Located(key.params(), d));
  }

  /** Whether a complaint holds; a hostile one that makes the check throw does not. */
  private static boolean valid(IdkgComplaint c, IdkgParams p, IdkgDealing d) {
    try {
      return c.isValid(p, d);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
