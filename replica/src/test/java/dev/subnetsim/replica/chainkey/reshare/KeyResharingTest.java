package dev.subnetsim.replica.chainkey.reshare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.StreamMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resharing a 4-node subnet's genesis keys to a disjoint 7-node subnet as the replicated state
 * machines do it: the source's execution collects verified dealings (one per dealer, each made
 * from that dealer's own share) and streams them once every key has its collection threshold; the
 * target installs them and each of its replicas decrypts its own share with its own key.
 */
class KeyResharingTest {
  private static final long S = ReshareTarget.S;
  private final ReshareTarget target = new ReshareTarget(11);
  private final SeededRandom rng = target.rng;
  private final ChainKeyGenesis root = target.root;
  private final Reshare reshare = target.reshare;
  private final ReshareContext context = target.context;
  private final ReshareLedger rootLedger = target.rootLedger;
  private final ReshareLedger signingLedger = new ReshareLedger("signing", context);

  private ReplicatedState rootAt(long time) {
    ReplicatedState s = new ReplicatedState();
    s.advance(1, time);
    return s;
  }

  private PayloadItem.ReshareDealing dealing(int dealer, String keyId) {
    return target.dealing(dealer, keyId);
  }

  /** Every dealer's dealings executed on the root; returns the streamed message. */
  private StreamMessage.KeysReshared completedReshare(ReplicatedState rootState) {
    for (int dealer = 0; dealer < 4; dealer++) {
      for (String keyId : reshare.keyIds()) {
        assertThat(rootLedger.onDealing(rootState, dealing(dealer, keyId))).isEmpty();
      }
    }
    var stream = rootState.streams().get("signing");
    assertThat(stream).hasSize(1);
    return (StreamMessage.KeysReshared) StreamMessage.decode(stream.firstEntry().getValue());
  }

  /** The keys installed on the target, and every target replica's own shares after one block. */
  private record Installed(InstalledChainKeys.Held held, List<NodeChainKeyShares> shares) {}

  private Installed install() {
    target.installed(false);
    List<NodeChainKeyShares> shares = new ArrayList<>();
    target.block(ReshareTarget.all()).forEach(e -> shares.add(e.installedNow().orElseThrow()));
    return new Installed(target.installed.held(target.state).orElseThrow(), shares);
  }

  private static EcPoint interpolate(EcCurve curve, List<Integer> indices, List<EcScalar> values) {
    List<EcScalar> weights = EcLagrange.coefficientsAtZero(curve, indices);
    EcScalar secret = EcScalar.zero(curve);
    for (int k = 0; k < indices.size(); k++) {
      secret = secret.add(weights.get(k).mul(values.get(k)));
    }
    return EcPoint.mulGenerator(secret);
  }

  @Test
  void theTargetHoldsEveryKeyUnderTheSamePublicKeysWithSharesOfItsOwn() {
    Installed held = install();
    var before = root.publicKeys();
    var after = held.held().publicKeys();
    assertThat(after.vetKdKey().publicKey()).isEqualTo(before.vetKdKey().publicKey());
    assertThat(after.documentServerKey().publicKey()).isEqualTo(before.documentServerKey().publicKey());
    for (EcCurve c : EcCurve.values()) {
      assertThat(after.ecdhKeys().get(c).publicKey()).isEqualTo(before.ecdhKeys().get(c).publicKey());
    }
    before.signing().ecdsaKeys().forEach((c, t) -> assertThat(after.signing().ecdsaKeys().get(c)
        .commitment().constantTerm()).isEqualTo(t.commitment().constantTerm()));
    before.signing().schnorrKeys().forEach((a, t) -> assertThat(after.signing().schnorrKeys()
        .get(a).commitment().constantTerm()).isEqualTo(t.commitment().constantTerm()));
    // The target's threshold is its own (f+1 of 7), every node has a share matching its public share.
    assertThat(after.threshold()).isEqualTo(3);
    assertThat(held.shares()).hasSize(7).allSatisfy(node -> {
      assertThat(node.documentShare().publicShare())
          .isEqualTo(after.documentServerKey().publicKeyShares().get(node.index()));
      assertThat(node.signing().ecdsaKeys().get(EcCurve.SECP256K1).opens(
          after.signing().ecdsaKeys().get(EcCurve.SECP256K1).commitment(), node.index())).isTrue();
      assertThat(node.signing().schnorrKeys()).hasSize(2);
    });
    // No stash is prefilled on a target (that would need every node's shares in one place): the
    // refill makes presignatures on the reshared key through consensus.
    assertThat(after.signing().ecdsaStash().get(EcCurve.SECP256K1)).isEmpty();
    assertThat(after.signing().presignatures().refills("ecdsa/SECP256K1")).isTrue();
  }

  @Test
  void newSharesInterpolateToTheOldKeyAndMixingThemWithOldSharesDoesNot() {
    Installed held = install();
    EcPoint publicKey = root.publicKeys().documentServerKey().publicKey();
    List<EcScalar> fresh = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fresh.add(held.shares().get(i).documentShare().scalar());
    }
    assertThat(interpolate(EcCurve.SECP256K1, List.of(0, 1, 2), fresh)).isEqualTo(publicKey);
    List<EcScalar> mixed = List.of(root.shares().get(0).documentShare().scalar(), fresh.get(1),
        fresh.get(2));
    assertThat(interpolate(EcCurve.SECP256K1, List.of(0, 1, 2), mixed)).isNotEqualTo(publicKey);
    // No target node's share is the source node's share of the same index.
    for (int i = 0; i < 4; i++) {
      assertThat(held.shares().get(i).documentShare().scalar())
          .isNotEqualTo(root.shares().get(i).documentShare().scalar());
    }
  }

  @Test
  void aDealingOfAnotherSecretIsRejectedWithItsDealerAndNotCollected() {
    ReplicatedState state = rootAt(5 * S);
    var bad = new PayloadItem.ReshareDealing(0, "vetkd", 2, context.badDealing(reshare, "vetkd", 2,
        root.shares().get(2), rng.fork("bad")));
    var rejected = rootLedger.onDealing(state, bad);
    assertThat(rejected).isPresent();
    assertThat(rejected.get()).contains("dealer 2");
    assertThat(ReshareLedger.recorded(state, bad)).isFalse();
    // An honest dealing relabelled with another dealer's index fails too.
    PayloadItem.ReshareDealing honest = dealing(2, "ecdsa/p256");
    assertThat(rootLedger.onDealing(state, new PayloadItem.ReshareDealing(0, "ecdsa/p256", 1,
        honest.dealing()))).isPresent();
    assertThat(rootLedger.onDealing(state, honest)).isEmpty();
    assertThat(ReshareLedger.recorded(state, honest)).isTrue();
  }

  @Test
  void truncatedEcDealingBytesAreJudgedMalformedAndTruncatedVetKdBytesInvalid() {
    byte[] ec = dealing(2, "ecdsa/p256").dealing();
    assertThat(context.check(reshare, "ecdsa/p256", 2, java.util.Arrays.copyOf(ec, ec.length - 1)))
        .hasValueSatisfying(v -> assertThat(v)
            .startsWith("malformed resharing dealing of ecdsa/p256 from dealer 2: "));
    byte[] vetKd = dealing(2, "vetkd").dealing();
    assertThat(context.check(reshare, "vetkd", 2, java.util.Arrays.copyOf(vetKd, vetKd.length - 1)))
        .hasValueSatisfying(v -> assertThat(v)
            .startsWith("invalid resharing dealing of vetkd from dealer 2: "));
  }

  @Test
  void dealingsBeforeTheScheduledTimeOrForAnotherSubnetAreRejected() {
    assertThat(rootLedger.onDealing(rootAt(4 * S), dealing(0, "vetkd"))).isPresent();
    assertThat(signingLedger.onDealing(rootAt(5 * S), dealing(0, "vetkd"))).isPresent();
  }

  @Test
  void aReshareMessageFromASubnetTheScheduleDoesNotNameIsNotInstalled() {
    StreamMessage.KeysReshared m = completedReshare(rootAt(5 * S));
    ReplicatedState signing = new ReplicatedState();
    assertThat(signingLedger.onKeysReshared(signing, "app", m)).isPresent();
    assertThat(target.installed.held(signing)).isEmpty();
  }

  @Test
  void theSourceStreamsOnlyOnceEveryKeyHasItsCollectionThreshold() {
    ReplicatedState state = rootAt(5 * S);
    int t = context.collectionThreshold(reshare, "ecdsa/secp256k1");
    assertThat(t).isEqualTo(2); // the source's threshold: f+1 of 4
    for (String keyId : reshare.keyIds()) {
      if (!keyId.equals("vetkd")) {
        for (int dealer = 0; dealer < t; dealer++) {
          rootLedger.onDealing(state, dealing(dealer, keyId));
        }
      }
    }
    assertThat(state.streams().get("signing")).isNull();
    rootLedger.onDealing(state, dealing(3, "vetkd"));
    rootLedger.onDealing(state, dealing(1, "vetkd"));
    assertThat(state.streams().get("signing")).hasSize(1);
    assertThat(ReshareLedger.sent(state, 0)).isTrue();
    byte[] message = state.streams().get("signing").firstEntry().getValue();
    // A late dealing changes nothing.
    rootLedger.onDealing(state, dealing(2, "vetkd"));
    assertThat(Arrays.equals(state.streams().get("signing").firstEntry().getValue(), message))
        .isTrue();
    assertThat(state.streams().get("signing")).hasSize(1);
  }
}
