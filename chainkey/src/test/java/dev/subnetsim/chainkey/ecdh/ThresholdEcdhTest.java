package dev.subnetsim.chainkey.ecdh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.ec.InvalidEncodingException;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The subnet key is dealt by {@link EcShamir} (test-only trusted dealer; the real key comes from
 * the IDKG transcripts). n = 7, threshold 3.
 */
class ThresholdEcdhTest {
  private static final int N = 7;
  private static final int T = 3;

  private record Setup(EcShamir.Dealt key, PlainPeer peer, SeededRandom rng) {}

  private static Setup setup(EcdhGroup group, long seed) throws Exception {
    SeededRandom rng = SeededRandom.fromSeed(seed);
    EcShamir.Dealt key = EcShamir.deal(EcScalar.random(group.curve(), rng.fork("key")), T, N, rng.fork("dealer"));
    return new Setup(key, PlainPeer.generate(group, rng.fork("peer")), rng.fork("nodes"));
  }

  private static List<DhShare> shares(Setup s, int... nodes) {
    List<DhShare> out = new ArrayList<>();
    for (int i : nodes) {
      out.add(ThresholdEcdh.createShare(s.key.publicKey(), s.key.shares().get(i), s.peer.publicKey(), s.rng));
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void combinedSecretEqualsWhatAPlainPeerComputesWithItsOwnPrivateKey(EcdhGroup group) throws Exception {
    Setup s = setup(group, 1);
    byte[] expected = s.peer.agree(ThresholdEcdh.subnetPublicKey(s.key.publicKey()));
    for (int[] subset : new int[][] {{0, 1, 2}, {6, 3, 4}, {0, 1, 2, 3, 4, 5, 6}}) {
      CombinedDh c = ThresholdEcdh.combine(s.key.publicKey(), s.peer.publicKey(), shares(s, subset));
      assertThat(ThresholdEcdh.sharedSecret(s.key.publicKey(), c)).hasSize(32).isEqualTo(expected);
      assertThat(c.rejectedNodes()).isEmpty();
      assertThat(c.contributors()).hasSize(T);
    }
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void byzantineSharesAreRejectedAndAttributedWhileHonestOnesStillCombine(EcdhGroup group) throws Exception {
    Setup s = setup(group, 2);
    byte[] expected = s.peer.agree(ThresholdEcdh.subnetPublicKey(s.key.publicKey()));
    List<DhShare> honest = shares(s, 0, 1, 2, 3, 4);
    EcPoint g = group.curve().generator();
    List<DhShare> all = new ArrayList<>(honest);
    // Node 0: a wrong point with its honest proof.
    all.set(0, new DhShare(0, honest.get(0).share().add(g), honest.get(0).proof()));
    // Node 1: replays node 2's share and proof under its own index.
    all.set(1, new DhShare(1, honest.get(2).share(), honest.get(2).proof()));
    // Node 3: a share for another peer key (x_3 * G) with a valid proof for that statement.
    EcSecretShare x3 = s.key.shares().get(3);
    all.set(3, new DhShare(3, EcPoint.mulGenerator(x3.scalar()), honest.get(3).proof()));
    for (DhShare d : all) {
      boolean expectValid = d.index() == 2 || d.index() == 4;
      assertThat(ThresholdEcdh.verifyShare(s.key.publicKey(), s.peer.publicKey(), d)).isEqualTo(expectValid);
    }
    all.addAll(shares(s, 5));
    CombinedDh c = ThresholdEcdh.combine(s.key.publicKey(), s.peer.publicKey(), all);
    assertThat(c.rejectedNodes()).containsExactly(0, 1, 3);
    assertThat(c.contributors()).containsExactly(2, 4, 5);
    assertThat(ThresholdEcdh.sharedSecret(s.key.publicKey(), c)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void combiningFewerThanThresholdValidSharesIsRejectedNamingTheCheaters(EcdhGroup group) throws Exception {
    Setup s = setup(group, 3);
    List<DhShare> sh = new ArrayList<>(shares(s, 0, 1, 2));
    sh.set(2, new DhShare(2, sh.get(2).share().neg(), sh.get(2).proof()));
    assertThatThrownBy(() -> ThresholdEcdh.combine(s.key.publicKey(), s.peer.publicKey(), sh))
        .isInstanceOf(NotEnoughValidSharesException.class)
        .hasMessageContaining("need 3 valid shares, got 2")
        .satisfies(e -> assertThat(((NotEnoughValidSharesException) e).rejectedNodes()).containsExactly(2));
    assertThatThrownBy(() -> ThresholdEcdh.combine(s.key.publicKey(), s.peer.publicKey(), shares(s, 4, 5)))
        .isInstanceOf(NotEnoughValidSharesException.class);
    // Duplicates of one node's share count once.
    List<DhShare> dup = shares(s, 4, 4, 5);
    assertThatThrownBy(() -> ThresholdEcdh.combine(s.key.publicKey(), s.peer.publicKey(), dup))
        .isInstanceOf(NotEnoughValidSharesException.class);
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void aShareFromANodeOutsideTheCommitteeIsRejected(EcdhGroup group) throws Exception {
    Setup s = setup(group, 4);
    DhShare d = shares(s, 0).get(0);
    assertThat(ThresholdEcdh.verifyShare(s.key.publicKey(), s.peer.publicKey(), new DhShare(99, d.share(), d.proof())))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void transportEncryptedSharesCombineToTheSameSecretAndNoReplicaSeesIt(EcdhGroup group) throws Exception {
    Setup s = setup(group, 5);
    byte[] expected = s.peer.agree(ThresholdEcdh.subnetPublicKey(s.key.publicKey()));
    TransportKeyPair transport = TransportKeyPair.generate(group.curve(), s.rng.fork("client"));
    List<EncryptedDhShare> enc = new ArrayList<>();
    for (int i : new int[] {1, 3, 5, 6}) {
      EncryptedDhShare e = ThresholdEcdh.createEncryptedShare(
          s.key.publicKey(), s.key.shares().get(i), s.peer.publicKey(), transport.publicKey(), s.rng);
      assertThat(ThresholdEcdh.verifyEncryptedShare(s.key.publicKey(), s.peer.publicKey(), transport.publicKey(), e)).isTrue();
      enc.add(e);
    }
    EncryptedCombinedDh combined =
        ThresholdEcdh.combineEncrypted(s.key.publicKey(), s.peer.publicKey(), transport.publicKey(), enc);
    // What replicas and observers see (the shares and the encrypted combination) is not x*Q...
    EcPoint xq = group.decodePublicKey(s.peer.publicKey()).mul(EcShamir.reconstruct(group.curve(), s.key.shares()));
    assertThat(combined.ciphertext()).isNotEqualTo(xq);
    assertThat(enc).allSatisfy(e -> assertThat(e.ciphertext()).isNotEqualTo(xq));
    // ...and only the transport key's owner gets the secret.
    assertThat(ThresholdEcdh.decryptSharedSecret(s.key.publicKey(), transport, combined)).isEqualTo(expected);
    TransportKeyPair other = TransportKeyPair.generate(group.curve(), s.rng.fork("eve"));
    assertThat(group.sharedSecret(other.decrypt(combined))).isNotEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void tamperedEncryptedSharesAreRejectedAndAttributed(EcdhGroup group) throws Exception {
    Setup s = setup(group, 6);
    byte[] expected = s.peer.agree(ThresholdEcdh.subnetPublicKey(s.key.publicKey()));
    TransportKeyPair transport = TransportKeyPair.generate(group.curve(), s.rng.fork("client"));
    TransportKeyPair eve = TransportKeyPair.generate(group.curve(), s.rng.fork("eve"));
    List<EncryptedDhShare> enc = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      enc.add(ThresholdEcdh.createEncryptedShare(
          s.key.publicKey(), s.key.shares().get(i), s.peer.publicKey(), transport.publicKey(), s.rng));
    }
    EcPoint g = group.curve().generator();
    EncryptedDhShare e0 = enc.get(0);
    enc.set(0, new EncryptedDhShare(0, e0.ephemeral(), e0.ciphertext().add(g), e0.proof()));
    EncryptedDhShare e1 = enc.get(1);
    enc.set(1, new EncryptedDhShare(1, e1.ephemeral().add(g), e1.ciphertext(), e1.proof()));
    // Node 2 encrypts to Eve's key instead of the client's.
    enc.set(2, ThresholdEcdh.createEncryptedShare(
        s.key.publicKey(), s.key.shares().get(2), s.peer.publicKey(), eve.publicKey(), s.rng));
    // Node 4 encrypts node 3's key share (a share that is valid, but not its own).
    EncryptedDhShare stolen = ThresholdEcdh.createEncryptedShare(
        s.key.publicKey(), s.key.shares().get(3), s.peer.publicKey(), transport.publicKey(), s.rng);
    enc.set(4, new EncryptedDhShare(4, stolen.ephemeral(), stolen.ciphertext(), stolen.proof()));
    EncryptedCombinedDh c = ThresholdEcdh.combineEncrypted(s.key.publicKey(), s.peer.publicKey(), transport.publicKey(), enc);
    assertThat(c.rejectedNodes()).containsExactly(0, 1, 2, 4);
    assertThat(c.contributors()).containsExactly(3, 5, 6);
    assertThat(ThresholdEcdh.decryptSharedSecret(s.key.publicKey(), transport, c)).isEqualTo(expected);
    assertThatThrownBy(() -> ThresholdEcdh.combineEncrypted(
            s.key.publicKey(), s.peer.publicKey(), transport.publicKey(), enc.subList(0, 5)))
        .isInstanceOf(NotEnoughValidSharesException.class).hasMessageContaining("[0, 1, 2, 4]");
  }

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void malformedPeerKeysAreRejectedBeforeAnyShareIsComputed(EcdhGroup group) throws Exception {
    Setup s = setup(group, 7);
    EcSecretShare x0 = s.key.shares().get(0);
    byte[] bad;
    if (group == EcdhGroup.X25519) {
      bad = new byte[32]; // u = 0: the point of order two
    } else {
      bad = s.peer.publicKey().clone();
      bad[64] ^= 1; // y off by one: not on the curve
    }
    assertThatThrownBy(() -> ThresholdEcdh.createShare(s.key.publicKey(), x0, bad, s.rng))
        .isInstanceOf(InvalidEncodingException.class);
    assertThatThrownBy(() -> ThresholdEcdh.createShare(s.key.publicKey(), x0, new byte[5], s.rng))
        .isInstanceOf(InvalidEncodingException.class);
  }

  @org.junit.jupiter.api.Test
  void x25519PeerKeysWithATorsionComponentOrOnTheTwistAreRejected() throws Exception {
    Setup s = setup(EcdhGroup.X25519, 8);
    EcSecretShare x0 = s.key.shares().get(0);
    // u = 1 (order 4), and a small u on the twist.
    byte[] one = new byte[32];
    one[0] = 1;
    assertThatThrownBy(() -> ThresholdEcdh.createShare(s.key.publicKey(), x0, one, s.rng))
        .hasMessageContaining("small-order");
    boolean sawTwist = false;
    for (int u = 2; u < 40 && !sawTwist; u++) {
      byte[] b = new byte[32];
      b[0] = (byte) u;
      try {
        ThresholdEcdh.createShare(s.key.publicKey(), x0, b, s.rng);
      } catch (InvalidEncodingException e) {
        sawTwist |= e.getMessage().contains("twist");
      }
    }
    assertThat(sawTwist).isTrue();
  }

  @org.junit.jupiter.api.Test
  void proofsAreBoundToTheProtocolDomain() throws Exception {
    Setup s = setup(EcdhGroup.P256, 9);
    DhShare d = shares(s, 0).get(0);
    ThresholdDh other = new ThresholdDh("some-other-protocol", "some-other-protocol-enc");
    EcPoint q = EcdhGroup.P256.decodePublicKey(s.peer.publicKey());
    assertThat(other.verifyShare(s.key.publicKey(), q, d)).isFalse();
    assertThatThrownBy(() -> new ThresholdDh("x", "x")).hasMessageContaining("distinct");
    assertThat(EcCurve.P256).isEqualTo(EcdhGroup.P256.curve());
  }
}
