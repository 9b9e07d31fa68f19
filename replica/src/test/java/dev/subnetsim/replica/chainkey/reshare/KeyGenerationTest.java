package dev.subnetsim.replica.chainkey.reshare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.idkg.TranscriptKind;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A key holder's replicas generate its chain keys through consensus: every key's public key is
 * its transcript's, each replica holds only its own share, a replica down during the generation
 * holds none until it returns and decrypts it from the dealings in the state, a Byzantine dealer's
 * publicly bad dealing is refused and attributed and its garbage ciphertext is caught by its
 * victim's complaint, and the reshare to the signing subnet starts only once the keys exist and
 * moves the generated public keys unchanged.
 */
class KeyGenerationTest {
  private static final Set<Integer> FIRST_THREE = Set.of(0, 1, 2);

  private static SubnetChainKeys publicKeys(GeneratingHolder h) {
    return h.installed.held(h.state).orElseThrow().publicKeys();
  }

  /** Node i's shares open the generated keys' commitments at i, and only at i. */
  private static void assertOwnShares(GeneratingHolder h, NodeChainKeyShares s) {
    SubnetChainKeys pub = publicKeys(h);
    int i = s.index();
    int other = (i + 1) % GeneratingHolder.N;
    assertThat(G2Point.generator().mul(s.vetKdShare()))
        .isEqualTo(pub.vetKdKey().publicKeyShare(i))
        .isNotEqualTo(pub.vetKdKey().publicKeyShare(other));
    assertThat(s.documentShare().publicShare())
        .isEqualTo(pub.documentServerKey().publicKeyShares().get(i));
    pub.ecdhKeys().forEach((c, k) -> assertThat(s.ecdhShares().get(c).publicShare())
        .as("ECDH " + c).isEqualTo(k.publicKeyShares().get(i)));
    pub.signing().ecdsaKeys().forEach((c, t) -> {
      assertThat(s.signing().ecdsaKeys().get(c).opens(t.commitment(), i)).as("ECDSA " + c).isTrue();
      assertThat(s.signing().ecdsaKeys().get(c).opens(t.commitment(), other)).isFalse();
    });
    pub.signing().schnorrKeys().forEach((a, t) -> assertThat(
        s.signing().schnorrKeys().get(a).opens(t.commitment(), i)).as(a.toString()).isTrue());
  }

  @Test
  void keysGeneratedThroughConsensusMatchTheirTranscriptsAndEachReplicaHoldsOnlyItsOwnShare() {
    GeneratingHolder h = new GeneratingHolder(3, Set.of());
    assertThat(h.installed.held(h.state)).isEmpty();

    GeneratingHolder.Block first = h.block(GeneratingHolder.all());
    // Every replica dealt every key once, as RandomUnmasked dealings bound to the generation.
    assertThat(first.dealt()).allSatisfy(d -> assertThat(d.broadcast())
        .hasSize(KeyGeneration.keyIds().size()).allSatisfy(item ->
            assertThat(((PayloadItem.ReshareDealing) PayloadItem.decode(item)).reshare())
                .isEqualTo(KeyGeneration.INSTANCE)));
    assertThat(h.rejected).isEmpty();
    InstalledChainKeys.Held held = h.installed.held(h.state).orElseThrow();
    assertThat(held.reshare()).isEqualTo(KeyGeneration.INSTANCE);
    assertThat(held.ec().keySet()).hasSize(KeyGeneration.keyIds().size() - 1);
    held.ec().forEach((keyId, k) -> {
      assertThat(k.built().transcript().kind()).isEqualTo(TranscriptKind.RANDOM_UNMASKED);
      assertThat(k.built().dealings()).hasSize(h.generation.collectionThreshold(keyId));
    });
    // The public keys are the transcripts' constant terms.
    SubnetChainKeys pub = held.publicKeys();
    pub.signing().ecdsaKeys().forEach((c, t) -> assertThat(t).isSameAs(held.ec()
        .get("ecdsa/" + c.name().toLowerCase(java.util.Locale.ROOT)).built().transcript()));
    assertThat(pub.documentServerKey().publicKey()).isEqualTo(
        held.ec().get("document").built().transcript().commitment().constantTerm());
    assertThat(pub.ecdhKeys().get(EcCurve.P256).publicKey()).isEqualTo(
        held.ec().get("ecdh/p256").built().transcript().commitment().constantTerm());
    assertThat(pub.vetKdKey()).isEqualTo(held.vetKd().transcript().publicCoefficients());
    assertThat(h.generation.generated()).containsSame(held);

    // No replica holds a share before it decrypts its own; then each holds exactly its own.
    assertThat(h.shares(0)).isEmpty();
    GeneratingHolder.Block second = h.block(GeneratingHolder.all());
    for (int i = 0; i < GeneratingHolder.N; i++) {
      NodeChainKeyShares s = second.received().get(i).installedNow().orElseThrow();
      assertThat(s.index()).isEqualTo(i);
      assertOwnShares(h, s);
    }
    assertThat(h.shares(0).orElseThrow().vetKdShare())
        .isNotEqualTo(h.shares(1).orElseThrow().vetKdShare());
  }

  @Test
  void aReplicaDownDuringKeyGenerationHoldsNoShareUntilItReturnsAndDecryptsItFromTheState() {
    GeneratingHolder h = new GeneratingHolder(5, Set.of());
    h.block(FIRST_THREE);
    h.block(FIRST_THREE);
    for (int i : FIRST_THREE) {
      assertOwnShares(h, h.shares(i).orElseThrow());
    }
    // Node 3 was down through the whole generation: it dealt nothing and holds nothing.
    assertThat(h.shares(3)).isEmpty();
    assertThat(h.installed.held(h.state).orElseThrow().ec().values())
        .allSatisfy(k -> assertThat(k.built().dealers()).doesNotContain(3));

    // It restarts from the state, which carries the generated keys' dealings.
    ReshareReceiver restarted = h.receiver(3, 1);
    NodeChainKeyShares three = restarted.afterExecution(h.state).installedNow().orElseThrow();
    assertThat(three.index()).isEqualTo(3);
    assertOwnShares(h, three);
  }

  @Test
  void aByzantineDealersPubliclyBadDealingIsRefusedOnGossipAndInABlockAndAttributed() {
    GeneratingHolder h = new GeneratingHolder(7, Set.of(3));
    byte[] badVetKd = h.generation.badDealing(ReshareKey.VETKD_ID, 3, h.rng.fork("bad"));
    var item = new PayloadItem.ReshareDealing(KeyGeneration.INSTANCE, ReshareKey.VETKD_ID, 3,
        badVetKd);

    // Gossiped by node 3: an honest replica refuses it (its component blames the sender).
    ReshareDealer.Effects gossip = h.dealers[0].onDealing(h.state, 3, item, item.encode());
    assertThat(gossip.rejections()).singleElement().satisfies(r ->
        assertThat(r).startsWith("invalid key-generation dealing of vetkd from dealer 3"));
    assertThat(gossip.propose()).isEmpty();
    // Relayed under another sender's name: refused too.
    assertThat(h.dealers[0].onDealing(h.state, 2, item, item.encode()).rejections()).singleElement()
        .satisfies(r -> assertThat(r).contains("sent by node 2"));
    // In a block (its own, since no honest maker includes it): execution refuses it, which the
    // replica attributes to the block's maker, and records nothing.
    assertThat(h.execute(item.encode())).hasValueSatisfying(r ->
        assertThat(r).startsWith("invalid key-generation dealing of vetkd from dealer 3"));
    assertThat(ReshareLedger.recorded(h.state, item)).isFalse();

    // The keys are still generated, from the honest dealers.
    h.block(GeneratingHolder.all());
    h.block(GeneratingHolder.all());
    assertThat(h.installed.held(h.state).orElseThrow().vetKd().dealings())
        .allSatisfy(d -> assertThat(d.dealerIndex()).isNotEqualTo(3));
  }

  @Test
  void aDealerWhoEncryptsGarbageToOneReceiverIsBlamedByItsComplaintAndTheReceiverRecovers() {
    // Dealer 0 deals EC keys whose ciphertext for node 1 is garbage (invisible publicly).
    GeneratingHolder h = new GeneratingHolder(11, Set.of(0));
    h.block(Set.of(0, 1)); // dealers 0 and 1 make every EC key; dealer 0's vetKD is refused
    assertThat(h.rejected).singleElement().satisfies(r -> assertThat(r).contains("vetkd"));
    h.block(Set.of(1, 2, 3)); // the others complete the vetKD key
    assertThat(h.installed.held(h.state)).isPresent();

    GeneratingHolder.Block complained = h.block(GeneratingHolder.all());
    assertThat(complained.received().get(1).installedNow()).isEmpty();
    assertThat(complained.received().get(1).blamed()).isNotEmpty()
        .allSatisfy(b -> assertThat(b.dealer()).isZero());
    for (int i : List.of(0, 2, 3)) {
      assertThat(complained.received().get(i).installedNow()).as("node " + i).isPresent();
    }
    h.block(GeneratingHolder.all()); // the others open dealer 0's dealings
    GeneratingHolder.Block recovered = h.block(GeneratingHolder.all());
    assertOwnShares(h, recovered.received().get(1).installedNow().orElseThrow());
    // Only the cheater's dealings were refused (its vetKD key generation, then its resharing).
    assertThat(h.rejected).hasSizeGreaterThan(1)
        .allSatisfy(r -> assertThat(r).contains("vetkd from dealer 0"));
  }

  @Test
  void aVetKdKeyGenerationDealingWithGarbageForOneReceiverIsComplainedAboutAndTheReceiverRecovers() {
    GeneratingHolder h = new GeneratingHolder(19, Set.of());
    // Dealer 0's fresh vetKD dealing reaches the blocks with node 1's ciphertext garbled (its
    // commitment honest, so public verification passes).
    h.tamper = item -> {
      if (PayloadItem.decode(item) instanceof PayloadItem.ReshareDealing d
          && d.reshare() == KeyGeneration.INSTANCE && d.keyId().equals(ReshareKey.VETKD_ID)
          && d.dealer() == 0) {
        Dealing honest = Dealing.fromBytes(d.dealing());
        List<Scalar> cs = new ArrayList<>(honest.ciphertexts());
        cs.set(1, cs.get(1).add(Scalar.ONE));
        return new PayloadItem.ReshareDealing(d.reshare(), d.keyId(), 0, new Dealing(0,
            honest.commitment(), honest.ephemeralKey(), cs).toBytes()).encode();
      }
      return item;
    };
    h.block(GeneratingHolder.all());
    assertThat(h.rejected).isEmpty();
    InstalledChainKeys.Held held = h.installed.held(h.state).orElseThrow();
    assertThat(held.vetKd().dealings()).anySatisfy(d -> assertThat(d.dealerIndex()).isZero());

    GeneratingHolder.Block complained = h.block(GeneratingHolder.all());
    assertThat(complained.received().get(1).installedNow()).isEmpty();
    assertThat(complained.received().get(1).blamed()).singleElement().satisfies(b -> {
      assertThat(b.dealer()).isZero();
      assertThat(b.reason()).startsWith("key-generation dealing of vetkd");
    });
    for (int i : List.of(0, 2, 3)) {
      assertThat(complained.received().get(i).installedNow()).as("node " + i).isPresent();
    }
    GeneratingHolder.Block opened = h.block(GeneratingHolder.all());
    assertThat(opened.executed()).filteredOn(item ->
        PayloadItem.decode(item) instanceof PayloadItem.ReshareOpening o
            && o.keyId().equals(ReshareKey.VETKD_ID)).hasSize(3);
    GeneratingHolder.Block recovered = h.block(GeneratingHolder.all());
    NodeChainKeyShares one = recovered.received().get(1).installedNow().orElseThrow();
    assertOwnShares(h, one);
    assertThat(G2Point.generator().mul(one.vetKdShare()))
        .isEqualTo(held.publicKeys().vetKdKey().publicKeyShare(1));
    assertThat(h.rejected).isEmpty();
  }

  @Test
  void theReshareStartsOnlyOnceTheKeysExistAndMovesTheGeneratedPublicKeysUnchanged() {
    GeneratingHolder h = new GeneratingHolder(13, Set.of());
    GeneratingHolder.Block first = h.block(GeneratingHolder.all());
    // The reshare was due at time 0, but no replica held a share: only key generation was dealt.
    assertThat(first.executed()).allSatisfy(item -> assertThat(
        ((PayloadItem.ReshareDealing) PayloadItem.decode(item)).reshare())
        .isEqualTo(KeyGeneration.INSTANCE));
    assertThat(ReshareLedger.sent(h.state, 0)).isFalse();

    h.block(GeneratingHolder.all()); // shares decrypted, reshare dealt and collected
    assertThat(h.rejected).isEmpty();
    assertThat(ReshareLedger.sent(h.state, 0)).isTrue();
    var m = (StreamMessage.KeysReshared) StreamMessage.decode(
        h.state.streams().get("signing").firstEntry().getValue());

    // The signing subnet installs them under the public keys the holder generated.
    InstalledChainKeys target = new InstalledChainKeys("signing", h.context, 0, 0,
        RefillPolicy.DEFAULT);
    var targetState = new dev.subnetsim.replica.state.ReplicatedState();
    assertThat(new ReshareLedger("signing", h.context, new InstalledComplaints(target))
        .onKeysReshared(targetState, "root", m)).isEmpty();
    SubnetChainKeys moved = target.held(targetState).orElseThrow().publicKeys();
    SubnetChainKeys generated = publicKeys(h);
    assertThat(moved.vetKdKey().publicKey()).isEqualTo(generated.vetKdKey().publicKey());
    List<Object> movedEcdsa = new ArrayList<>();
    moved.signing().ecdsaKeys().forEach((c, t) -> movedEcdsa.add(t.commitment().constantTerm()));
    List<Object> generatedEcdsa = new ArrayList<>();
    generated.signing().ecdsaKeys().forEach((c, t) ->
        generatedEcdsa.add(t.commitment().constantTerm()));
    assertThat(movedEcdsa).hasSize(2).isEqualTo(generatedEcdsa);
  }
}
