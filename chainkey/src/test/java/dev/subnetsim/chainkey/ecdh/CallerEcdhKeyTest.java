package dev.subnetsim.chainkey.ecdh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Per-caller ECDH keys (n = 7, threshold 3; the master key dealt by the test-only EcShamir). */
class CallerEcdhKeyTest {
  private static final byte[] CANISTER_A = {0, 0, 0, 0, 0, 0, 0, 7, 1, 1};
  private static final byte[] CANISTER_B = {0, 0, 0, 0, 0, 0, 0, 8, 1, 1};
  private static final List<byte[]> PATH = List.of("mdl".getBytes(StandardCharsets.UTF_8));

  private record Setup(EcShamir.Dealt master, PlainPeer peer, SeededRandom rng) {}

  private static Setup setup(EcdhGroup group, long seed) throws Exception {
    SeededRandom rng = SeededRandom.fromSeed(seed);
    EcShamir.Dealt key = EcShamir.deal(EcScalar.random(group.curve(), rng.fork("key")), 3, 7, rng.fork("dealer"));
    return new Setup(key, PlainPeer.generate(group, rng.fork("peer")), rng.fork("nodes"));
  }

  /** What the replicas return to {@code caller}: the shares of its derived key, combined. */
  private static byte[] threshold(Setup s, CallerEcdhKey caller, byte[] peerKey, int... nodes) {
    List<DhShare> shares = new ArrayList<>();
    for (int i : nodes) {
      shares.add(ThresholdEcdh.createShare(caller.publicKey(), caller.share(s.master.shares().get(i)), peerKey, s.rng));
    }
    return ThresholdEcdh.sharedSecret(caller.publicKey(), ThresholdEcdh.combine(caller.publicKey(), peerKey, shares));
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void twoCanistersGetDifferentDerivedKeysAndNeitherIsTheMasterKey(EcdhGroup group) throws Exception {
    Setup s = setup(group, 1);
    CallerEcdhKey a = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_A, PATH);
    CallerEcdhKey b = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_B, PATH);
    CallerEcdhKey a2 = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_A, List.of(new byte[] {2}));
    byte[] master = ThresholdEcdh.subnetPublicKey(s.master.publicKey());
    assertThat(a.wirePublicKey()).isNotEqualTo(b.wirePublicKey()).isNotEqualTo(master)
        .isNotEqualTo(a2.wirePublicKey());
    assertThat(CallerEcdhKey.derive(s.master.publicKey(), CANISTER_A, PATH).wirePublicKey())
        .isEqualTo(a.wirePublicKey());
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void combinedDerivedSharesEqualAPlainPeersEcdhWithTheCallersDerivedPublicKey(EcdhGroup group) throws Exception {
    Setup s = setup(group, 2);
    CallerEcdhKey a = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_A, PATH);
    byte[] expected = s.peer.agree(a.wirePublicKey());
    assertThat(threshold(s, a, s.peer.publicKey(), 0, 1, 2)).isEqualTo(expected);
    assertThat(threshold(s, a, s.peer.publicKey(), 6, 4, 5)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void aCuriousCanisterAskingForTheVictimsPeerGetsOnlyItsOwnProductNeverTheVictimsSecret(EcdhGroup group)
      throws Exception {
    Setup s = setup(group, 3);
    CallerEcdhKey victim = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_A, PATH);
    CallerEcdhKey curious = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_B, PATH);
    byte[] victimsSecret = s.peer.agree(victim.wirePublicKey());
    // B sends A's peer key, even with A's derivation path: the replicas answer with B's key.
    byte[] got = threshold(s, curious, s.peer.publicKey(), 0, 1, 2);
    assertThat(got).isNotEqualTo(victimsSecret).isEqualTo(s.peer.agree(curious.wirePublicKey()));
    // Nor does the master key's product leak (the pre-derivation behaviour).
    assertThat(got).isNotEqualTo(s.peer.agree(ThresholdEcdh.subnetPublicKey(s.master.publicKey())));
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void aShareMadeWithTheMasterOrAnotherCallersShareDoesNotVerifyForTheCaller(EcdhGroup group) throws Exception {
    Setup s = setup(group, 4);
    CallerEcdhKey a = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_A, PATH);
    CallerEcdhKey b = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_B, PATH);
    byte[] q = s.peer.publicKey();
    DhShare fromMaster = ThresholdEcdh.createShare(s.master.publicKey(), s.master.shares().get(0), q, s.rng);
    DhShare forB = ThresholdEcdh.createShare(b.publicKey(), b.share(s.master.shares().get(0)), q, s.rng);
    DhShare forA = ThresholdEcdh.createShare(a.publicKey(), a.share(s.master.shares().get(0)), q, s.rng);
    assertThat(ThresholdEcdh.verifyShare(a.publicKey(), q, fromMaster)).isFalse();
    assertThat(ThresholdEcdh.verifyShare(a.publicKey(), q, forB)).isFalse();
    assertThat(ThresholdEcdh.verifyShare(a.publicKey(), q, forA)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void theDerivationRuleIsIcKeyDerivationOnThePathCanisterIdThenPathWithAnAdditiveOffset(EcdhGroup group)
      throws Exception {
    Setup s = setup(group, 5);
    CallerEcdhKey a = CallerEcdhKey.derive(s.master.publicKey(), CANISTER_A, PATH);
    var d = IcKeyDerivation.derive(s.master.publicKey().publicKey(), DerivationPath.forCanister(CANISTER_A, PATH));
    assertThat(a.publicKey().publicKey()).isEqualTo(d.publicKey())
        .isEqualTo(s.master.publicKey().publicKey().add(EcPoint.mulGenerator(d.offset())));
    // x' = x + offset: the reconstructed derived shares are the master secret plus the offset.
    List<dev.subnetsim.chainkey.ec.EcSecretShare> derived = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      derived.add(a.share(s.master.shares().get(i)));
    }
    EcScalar x = EcShamir.reconstruct(group.curve(), s.master.shares().subList(0, 3));
    assertThat(EcShamir.reconstruct(group.curve(), derived)).isEqualTo(x.add(d.offset()));
    if (group == EcdhGroup.X25519) {
      assertThat(a.wirePublicKey()).isEqualTo(d.publicKey().montgomeryU());
    }
  }
}
