package dev.subnetsim.replica.chainkey.reshare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.IdkgReceiver;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each target replica decrypts only its own share of the installed reshare dealings, with its own
 * key: a replica down when the keys are installed holds nothing until it returns and decrypts its
 * share from the dealings in the state, and then signs among the others; a share that does not
 * decrypt is complained about through consensus, answered with openings and recovered; hostile
 * complaints and openings are rejected.
 */
class ReshareReceiverTest {
  private static final Set<Integer> ALL_BUT_6 = Set.of(0, 1, 2, 3, 4, 5);
  private static final byte[] INPUT = "note-key".getBytes(StandardCharsets.UTF_8);

  private final ReshareTarget target = new ReshareTarget(17);

  private SubnetChainKeys publicKeys() {
    return target.installed.held(target.state).orElseThrow().publicKeys();
  }

  /** Node i's share is consistent with the reshared public keys (it opens their commitments). */
  private void assertConsistent(NodeChainKeyShares s) {
    SubnetChainKeys pub = publicKeys();
    int i = s.index();
    assertThat(G2Point.generator().mul(s.vetKdShare()))
        .isEqualTo(pub.vetKdKey().publicKeyShare(i));
    assertThat(s.documentShare().publicShare())
        .isEqualTo(pub.documentServerKey().publicKeyShares().get(i));
    pub.signing().ecdsaKeys().forEach((c, t) -> assertThat(
        s.signing().ecdsaKeys().get(c).opens(t.commitment(), i)).as("ECDSA " + c).isTrue());
    pub.signing().schnorrKeys().forEach((a, t) -> assertThat(
        s.signing().schnorrKeys().get(a).opens(t.commitment(), i)).as(a.toString()).isTrue());
  }

  @Test
  void aReplicaDownWhenTheKeysAreInstalledHoldsNoShareUntilItReturnsAndThenSignsAmongTheOthers() {
    target.installed(false);
    var effects = target.block(ALL_BUT_6);

    for (int i : ALL_BUT_6) {
      assertThat(effects.get(i).installedNow()).as("node " + i).isPresent();
    }
    // Nothing shared decrypted node 6's share while it was down; its replica holds none.
    assertThat(target.receivers[6].shares()).isEmpty();
    target.block(ALL_BUT_6);
    assertThat(target.receivers[6].shares()).isEmpty();

    // It restarts (a fresh replica, from the state that carries the installed dealings).
    ReshareReceiver restarted = target.receiver(6, 1);
    NodeChainKeyShares six = restarted.afterExecution(target.state).installedNow().orElseThrow();
    assertThat(six.index()).isEqualTo(6);
    assertConsistent(six);

    // vetKD among nodes 6, 1 and 2 (the threshold of 7 is 3): every share verifies and the
    // combined key decrypts and verifies under the master key the root had.
    SubnetChainKeys pub = publicKeys();
    TransportSecretKey tsk = TransportSecretKey.random(target.rng.fork("client"));
    VetKdRequest.Prepared request = new VetKdRequest(DerivationContext.of(new byte[] {7},
        new byte[0]), INPUT, tsk.publicKey()).prepare(pub.vetKdKey().publicKey());
    Map<Integer, EncryptedKeyShare> shares = new TreeMap<>();
    shares.put(6, VetKdNode.createShare(request, six.vetKdShare(), target.rng.fork("s6")));
    for (int i : List.of(1, 2)) {
      shares.put(i, VetKdNode.createShare(request,
          effects.get(i).installedNow().orElseThrow().vetKdShare(), target.rng.fork("s" + i)));
    }
    assertThat(EncryptedKeyCombiner.verifyShare(request, pub.vetKdKey().publicKeyShare(6),
        shares.get(6))).isTrue();
    var combined = EncryptedKeyCombiner.combineVerified(request, pub.vetKdKey(), shares);
    assertThat(combined.invalidIndices()).isEmpty();
    assertThat(combined.usedIndices()).contains(6);
    EncryptedVetKey.fromBytes(combined.encryptedKey().toBytes()).decryptAndVerify(tsk,
        request.derivedKey().publicKey(), INPUT);
    assertThat(pub.vetKdKey().publicKey())
        .isEqualTo(target.root.publicKeys().vetKdKey().publicKey());
  }

  @Test
  void aShareThatDoesNotDecryptIsComplainedAboutThroughConsensusAndRecoveredFromOpenings() {
    target.installed(true);

    var first = target.block(ReshareTarget.all());
    // Node 0 cannot decrypt dealer 0's EC dealings: it blames dealer 0 and proposes complaints.
    assertThat(first.get(0).installedNow()).isEmpty();
    assertThat(first.get(0).blamed()).isNotEmpty().allSatisfy(b -> {
      assertThat(b.source()).isEqualTo("root");
      assertThat(b.dealer()).isZero();
    });
    assertThat(first.get(0).propose()).isNotEmpty().allSatisfy(item ->
        assertThat(PayloadItem.decode(item)).isInstanceOf(PayloadItem.ReshareComplaint.class));
    for (int i = 1; i < 7; i++) {
      assertThat(first.get(i).installedNow()).as("node " + i).isPresent();
    }
    // The upheld complaints make the others open dealer 0's dealings (and nothing else).
    var second = target.block(ReshareTarget.all());
    for (int i = 1; i < 7; i++) {
      assertThat(second.get(i).propose()).isNotEmpty().allSatisfy(item -> {
        assertThat(PayloadItem.decode(item)).isInstanceOfSatisfying(
            PayloadItem.ReshareOpening.class, o -> assertThat(o.dealer()).isZero());
      });
    }
    assertThat(second.get(0).installedNow()).isEmpty();
    assertThat(second.get(0).withdraw()).as("upheld complaints leave the pool")
        .hasSameSizeAs(first.get(0).propose());
    // With the openings executed, node 0 interpolates its share.
    var third = target.block(ReshareTarget.all());
    NodeChainKeyShares zero = third.get(0).installedNow().orElseThrow();
    assertConsistent(zero);
    assertThat(third.get(0).propose()).isEmpty();
  }

  @Test
  void hostileComplaintsAndOpeningsAreRejectedAndNotRecorded() {
    target.installed(true);
    // Node 0's complaint, proposed but not yet executed.
    byte[] complaintItem = target.receivers[0].afterExecution(target.state).propose().get(0);
    var complaint = (PayloadItem.ReshareComplaint) PayloadItem.decode(complaintItem);
    InstalledChainKeys.EcKey key = target.installed.held(target.state).orElseThrow().ec()
        .get(complaint.keyId());
    // An opening before any complaint is upheld would reveal an honest share: refused.
    var dealing = key.built().dealings().stream().filter(d -> d.dealer() == 0).findFirst()
        .orElseThrow();
    var mine = IdkgReceiver.decrypt(key.params(), dealing, 1,
        target.own.get(1).idkg(key.params().curve())).orElseThrow();
    var early = new PayloadItem.ReshareOpening(0, complaint.keyId(), 0, 1,
        mine.value().toBytes());
    assertThat(target.execute(early.encode())).hasValueSatisfying(r ->
        assertThat(r).contains("no upheld complaint"));

    // Node 0's complaint relabelled as node 1's: the DLEQ proof is for node 0's key.
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, complaint.keyId(), 0, 1,
        complaint.dh(), complaint.proof()).encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("false complaint"));
    // A DH value that is no point of the curve, a receiver out of range, another reshare.
    byte[] junk = complaint.dh().clone();
    junk[0] = 9;
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, complaint.keyId(), 0, 0,
        junk, complaint.proof()).encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("malformed complaint"));
    assertThat(target.execute(new PayloadItem.ReshareComplaint(0, complaint.keyId(), 0, 7,
        complaint.dh(), complaint.proof()).encode())).isPresent();
    assertThat(target.execute(new PayloadItem.ReshareComplaint(3, complaint.keyId(), 0, 0,
        complaint.dh(), complaint.proof()).encode())).isPresent();

    assertThat(target.execute(complaintItem)).isEmpty();
    // Now openings are due; a wrong one and a malformed one are refused, the right one recorded.
    var wrong = new PayloadItem.ReshareOpening(0, complaint.keyId(), 0, 1,
        mine.value().add(EcScalar.one(key.params().curve())).toBytes());
    assertThat(target.execute(wrong.encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("wrong opening"));
    assertThat(target.execute(new PayloadItem.ReshareOpening(0, complaint.keyId(), 0, 1,
        new byte[] {1, 2, 3}).encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("malformed opening"));
    assertThat(target.execute(early.encode())).isEmpty();
    assertThat(InstalledComplaints.openings(target.state, key.params(), 0, complaint.keyId(), 0))
        .singleElement().satisfies(o -> assertThat(o.opener()).isEqualTo(1));
    assertThat(key.params().curve()).isIn((Object[]) EcCurve.values());
  }
}
