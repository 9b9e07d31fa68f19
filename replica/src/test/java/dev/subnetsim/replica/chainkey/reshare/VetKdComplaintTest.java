package dev.subnetsim.replica.chainkey.reshare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.ShareOpening;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyCombiner;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyShare;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.chainkey.vetkd.VetKdNode;
import dev.subnetsim.chainkey.vetkd.VetKdRequest;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.payload.PayloadItem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A vetKD (BLS DKG) dealing whose ciphertext for one receiver is garbage (its commitment honest,
 * so public verification passes): the receiver complains through consensus, the others open the
 * dealing, and the receiver interpolates its share, which verifies against the public key share
 * and makes vetKD decryption shares that combine; hostile vetKD complaints and openings are
 * rejected with a reason naming the opener or complainer.
 */
class VetKdComplaintTest {
  private static final byte[] INPUT = "note-key".getBytes(StandardCharsets.UTF_8);

  private final ReshareTarget target = new ReshareTarget(23).installedWithGarbageVetKd();

  private SubnetChainKeys publicKeys() {
    return target.installed.held(target.state).orElseThrow().publicKeys();
  }

  private Dealing vetKdDealing(int dealer) {
    return target.installed.held(target.state).orElseThrow().vetKd().dealings().stream()
        .filter(d -> d.dealerIndex() == dealer).findFirst().orElseThrow();
  }

  @Test
  void aVetKdShareThatDoesNotDecryptIsComplainedAboutOpenedByOthersAndRecovered() {
    var first = target.block(ReshareTarget.all());
    assertThat(first.get(0).installedNow()).isEmpty();
    assertThat(first.get(0).blamed()).singleElement().satisfies(b -> {
      assertThat(b.dealer()).isZero();
      assertThat(b.reason()).contains("vetkd");
    });
    assertThat(first.get(0).propose()).singleElement().satisfies(item ->
        assertThat(PayloadItem.decode(item)).isInstanceOfSatisfying(
            PayloadItem.ReshareComplaint.class, c -> {
              assertThat(c.keyId()).isEqualTo(ReshareKey.VETKD_ID);
              assertThat(c.dealer()).isZero();
              assertThat(c.complainer()).isZero();
            }));
    for (int i = 1; i < 7; i++) {
      assertThat(first.get(i).installedNow()).as("node " + i).isPresent();
    }

    // The upheld complaint makes every other receiver open dealer 0's vetKD dealing, only that.
    var second = target.block(ReshareTarget.all());
    for (int i = 1; i < 7; i++) {
      assertThat(second.get(i).propose()).as("node " + i).singleElement().satisfies(item ->
          assertThat(PayloadItem.decode(item)).isInstanceOfSatisfying(
              PayloadItem.ReshareOpening.class, o -> {
                assertThat(o.keyId()).isEqualTo(ReshareKey.VETKD_ID);
                assertThat(o.dealer()).isZero();
              }));
    }
    assertThat(second.get(0).installedNow()).isEmpty();
    assertThat(second.get(0).withdraw()).as("the upheld complaint leaves the pool").hasSize(1);

    // With the openings recorded, node 0 interpolates its share of dealer 0's dealing.
    var third = target.block(ReshareTarget.all());
    NodeChainKeyShares zero = third.get(0).installedNow().orElseThrow();
    assertThat(third.get(0).propose()).isEmpty();
    SubnetChainKeys pub = publicKeys();
    assertThat(G2Point.generator().mul(zero.vetKdShare()))
        .isEqualTo(pub.vetKdKey().publicKeyShare(0));

    // Its vetKD decryption share verifies and combines with nodes 1 and 2 into a key that
    // decrypts and verifies under the root's master key.
    TransportSecretKey tsk = TransportSecretKey.random(target.rng.fork("client"));
    VetKdRequest.Prepared request = new VetKdRequest(DerivationContext.of(new byte[] {7},
        new byte[0]), INPUT, tsk.publicKey()).prepare(pub.vetKdKey().publicKey());
    Map<Integer, EncryptedKeyShare> shares = new TreeMap<>();
    shares.put(0, VetKdNode.createShare(request, zero.vetKdShare(), target.rng.fork("s0")));
    for (int i : List.of(1, 2)) {
      shares.put(i, VetKdNode.createShare(request,
          first.get(i).installedNow().orElseThrow().vetKdShare(), target.rng.fork("s" + i)));
    }
    assertThat(EncryptedKeyCombiner.verifyShare(request, pub.vetKdKey().publicKeyShare(0),
        shares.get(0))).isTrue();
    var combined = EncryptedKeyCombiner.combineVerified(request, pub.vetKdKey(), shares);
    assertThat(combined.invalidIndices()).isEmpty();
    assertThat(combined.usedIndices()).contains(0);
    EncryptedVetKey.fromBytes(combined.encryptedKey().toBytes()).decryptAndVerify(tsk,
        request.derivedKey().publicKey(), INPUT);
    assertThat(pub.vetKdKey().publicKey())
        .isEqualTo(target.root.publicKeys().vetKdKey().publicKey());
  }

  @Test
  void hostileVetKdComplaintsAndOpeningsAreRejectedAndNotRecorded() {
    byte[] complaintItem = target.receivers[0].afterExecution(target.state).propose().get(0);
    var complaint = (PayloadItem.ReshareComplaint) PayloadItem.decode(complaintItem);
    assertThat(complaint.keyId()).isEqualTo(ReshareKey.VETKD_ID);
    // Node 1's honest share of dealer 0's dealing, as its receiver decrypts it.
    Scalar mine = shareOf(1);
    var early = new PayloadItem.ReshareOpening(0, ReshareKey.VETKD_ID, 0, 1, mine.toBytes());
    assertThat(target.execute(early.encode())).hasValueSatisfying(r ->
        assertThat(r).contains("no upheld complaint"));

    // Node 0's complaint relabelled as node 1's, or as against dealer 1: the proof is bound to
    // node 0's key and dealer 0's dealing.
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, ReshareKey.VETKD_ID, 0, 1,
        complaint.dh(), complaint.proof()).encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("false complaint of receiver 1 about dealer 0"));
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, ReshareKey.VETKD_ID, 1, 0,
        complaint.dh(), complaint.proof()).encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("false complaint"));
    // A DH value that is no G1 point, a short proof, a receiver out of range, another reshare.
    byte[] junk = complaint.dh().clone();
    junk[0] ^= 0x40;
    junk[5] ^= 0x55;
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, ReshareKey.VETKD_ID, 0, 0,
        junk, complaint.proof()).encode())).hasValueSatisfying(r ->
        assertThat(r).matches("(malformed|false) complaint.*"));
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, ReshareKey.VETKD_ID, 0, 0,
        complaint.dh(), Arrays.copyOf(complaint.proof(), 10)).encode()))
        .hasValueSatisfying(r -> assertThat(r).startsWith("malformed complaint"));
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, ReshareKey.VETKD_ID, 0, 7,
        complaint.dh(), complaint.proof()).encode())).isPresent();
    assertThat(target.execute(new PayloadItem.ReshareComplaint(3, ReshareKey.VETKD_ID, 0, 0,
        complaint.dh(), complaint.proof()).encode())).isPresent();
    assertThat(VetKdComplaints.openings(target.state, 0, 0)).isEmpty();

    assertThat(target.execute(complaintItem)).isEmpty();
    // Openings are now due: a wrong one is refused and attributed (the reason names the opener
    // and the dealing), a malformed one too, the right one recorded.
    var wrong = new PayloadItem.ReshareOpening(0, ReshareKey.VETKD_ID, 0, 1,
        mine.add(Scalar.ONE).toBytes());
    assertThat(target.execute(wrong.encode())).hasValueSatisfying(r -> assertThat(r)
        .isEqualTo("wrong opening by receiver 1 of dealer 0's resharing dealing of vetkd"
            + " (does not open the dealing's commitment)"));
    assertThat(target.execute(new PayloadItem.ReshareOpening(0, ReshareKey.VETKD_ID, 0, 1,
        new byte[] {1, 2, 3}).encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("malformed opening"));
    // Node 2's true share relabelled as node 1's does not open node 1's point.
    Scalar two = shareOf(2);
    assertThat(target.execute(new PayloadItem.ReshareOpening(0, ReshareKey.VETKD_ID, 0, 1,
        two.toBytes()).encode())).hasValueSatisfying(r -> assertThat(r).startsWith("wrong"));
    assertThat(VetKdComplaints.openings(target.state, 0, 0)).isEmpty();
    assertThat(target.execute(early.encode())).isEmpty();
    assertThat(VetKdComplaints.openings(target.state, 0, 0)).containsOnlyKeys(1);
    assertThat(vetKdDealing(0).commitment().verifyShare(1, mine)).isTrue();
  }

  /** Node {@code i}'s share of dealer 0's vetKD dealing, decrypted with its own key. */
  private Scalar shareOf(int i) {
    var vetKd = target.installed.held(target.state).orElseThrow().vetKd();
    var opened = new DkgReceiver(vetKd.config(), i, target.own.get(i).dkg())
        .open(vetKdDealing(0), target.rng.fork("probe"));
    return ((ShareOpening.Valid) opened).share();
  }
}
