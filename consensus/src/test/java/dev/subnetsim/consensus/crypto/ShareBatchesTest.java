package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.crypto.CryptoOpCounter.Op;
import dev.subnetsim.consensus.crypto.ShareCheck.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shares decided together leave in the shared cache exactly the verdicts one-by-one verification
 * gives, which the verify methods then find there (cache hits, no further pairing checks).
 */
class ShareBatchesTest {
  private static final int N = 7;
  private static final GenesisKeys KEYS = GenesisKeys.generate("batch", N, SeededRandom.fromSeed(5));
  private static final byte[] MSG = SignedMessages.notarizationMessage(3, new byte[32]);
  private static final byte[] OTHER = SignedMessages.notarizationMessage(4, new byte[32]);

  private final ConsensusCrypto crypto = new ConsensusCrypto(KEYS.publicKeys(),
      VerificationCache.shared());
  /** The reference: every share verified alone, nothing cached. */
  private final ConsensusCrypto alone = new ConsensusCrypto(KEYS.publicKeys(),
      VerificationCache.disabled());

  /** Shares signed elsewhere (by {@link #alone}): {@link #crypto} holds none of them as signed. */
  private List<byte[]> individualShares(byte[] message) {
    List<byte[]> shares = new ArrayList<>();
    for (NodeSecrets s : KEYS.secrets()) {
      shares.add(alone.signIndividually(s, message));
    }
    return shares;
  }

  private List<ShareCheck> individualChecks(byte[] message, List<byte[]> shares) {
    List<ShareCheck> checks = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      checks.add(ShareCheck.of(crypto, Kind.INDIVIDUAL, List.of(), i, message, shares.get(i)));
    }
    return checks;
  }

  @Test
  void aBatchWithOneBadShareRejectsExactlyThatShareAndAcceptsTheOthers() {
    List<byte[]> shares = individualShares(MSG);
    // A valid point on the wrong message.
    shares.set(3, alone.signIndividually(KEYS.secrets().get(3), OTHER));

    crypto.verifyTogether(individualChecks(MSG, shares));

    assertThat(crypto.ops().count(Op.VERIFY_SHARE_BATCHED)).isEqualTo(N);
    for (int i = 0; i < N; i++) {
      assertThat(crypto.verifyIndividual(i, MSG, shares.get(i))).as("share %d", i)
          .isEqualTo(i != 3).isEqualTo(alone.verifyIndividual(i, MSG, shares.get(i)));
    }
    // Every verdict came from the cache: no share was verified one by one.
    assertThat(crypto.ops().count(Op.VERIFY_INDIVIDUAL)).isZero();
    assertThat(crypto.ops().count(Op.CACHE_HIT)).isEqualTo(N);
  }

  @Test
  void thresholdSharesWithOneBadOneAreDecidedAsOneByOne() {
    List<byte[]> shares = new ArrayList<>();
    for (NodeSecrets s : KEYS.secrets()) {
      shares.add(crypto.signBeaconShare(s, MSG));
    }
    shares.set(5, shares.get(4)); // node 4's valid share relabelled as node 5's
    var keyShares = KEYS.publicKeys().beaconKey().publicKeyShares(N);
    List<ShareCheck> checks = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      checks.add(ShareCheck.of(crypto, Kind.BEACON, keyShares, i, MSG, shares.get(i)));
    }

    crypto.verifyTogether(checks);

    for (int i = 0; i < N; i++) {
      assertThat(crypto.verifyBeaconShare(i, MSG, shares.get(i))).as("share %d", i)
          .isEqualTo(i != 5).isEqualTo(alone.verifyBeaconShare(i, MSG, shares.get(i)));
    }
    assertThat(crypto.ops().count(Op.VERIFY_THRESHOLD_SHARE)).isZero();
  }

  @Test
  void anUndecodableShareIsInvalidAndTheRestOfItsBatchStillValid() {
    List<byte[]> shares = individualShares(MSG);
    shares.set(0, new byte[] {1, 2, 3});
    shares.set(6, new byte[48]); // no flags: not a compressed point

    crypto.verifyTogether(individualChecks(MSG, shares));

    for (int i = 0; i < N; i++) {
      assertThat(crypto.verifyIndividual(i, MSG, shares.get(i))).as("share %d", i)
          .isEqualTo(i != 0 && i != 6);
    }
    assertThat(crypto.ops().count(Op.VERIFY_INDIVIDUAL)).isEqualTo(2); // the two undecodable
    assertThat(crypto.ops().count(Op.VERIFY_SHARE_BATCHED)).isEqualTo(N - 2);
  }

  @Test
  void sharesOnDifferentMessagesAreDecidedPerMessage() {
    List<byte[]> first = individualShares(MSG);
    List<byte[]> second = individualShares(OTHER);
    second.set(2, first.get(2)); // node 2's share on the first message offered for the second
    List<ShareCheck> checks = new ArrayList<>(individualChecks(MSG, first));
    checks.addAll(individualChecks(OTHER, second));

    crypto.verifyTogether(checks);

    for (int i = 0; i < N; i++) {
      assertThat(crypto.verifyIndividual(i, MSG, first.get(i))).isTrue();
      assertThat(crypto.verifyIndividual(i, OTHER, second.get(i))).as("share %d", i)
          .isEqualTo(i != 2);
    }
    assertThat(crypto.ops().count(Op.VERIFY_INDIVIDUAL)).isZero();
  }

  @Test
  void sharesAlreadyDecidedAreNotDecidedAgainAndALoneShareIsLeftToItsValidator() {
    List<byte[]> shares = individualShares(MSG);
    assertThat(crypto.verifyIndividual(0, MSG, shares.get(0))).isTrue();

    crypto.verifyTogether(individualChecks(MSG, shares.subList(0, 2))); // 0 is known: 1 alone

    assertThat(crypto.ops().count(Op.VERIFY_SHARE_BATCHED)).isZero();
    assertThat(crypto.verifyIndividual(1, MSG, shares.get(1))).isTrue();
    assertThat(crypto.ops().count(Op.VERIFY_INDIVIDUAL)).isEqualTo(2);
  }

  @Test
  void aLoneShareIsBatchedWithTheSharesSignedOnItsMessageAndABadOneIsStillRejected() {
    List<byte[]> signed = new ArrayList<>();
    for (NodeSecrets s : KEYS.secrets()) {
      signed.add(crypto.signIndividually(s, MSG)); // this subnet's replicas sign
    }
    byte[] forged = signed.get(2); // node 2's share presented as node 4's

    assertThat(crypto.verifyIndividual(4, MSG, forged)).isFalse();

    // One batch: the forged share and the seven signed ones, the forged one found by bisection.
    assertThat(crypto.ops().count(Op.VERIFY_SHARE_BATCHED)).isEqualTo(N + 1);
    assertThat(crypto.ops().count(Op.VERIFY_INDIVIDUAL)).isZero();
    for (int i = 0; i < N; i++) {
      assertThat(crypto.verifyIndividual(i, MSG, signed.get(i))).as("share %d", i).isTrue();
    }
    assertThat(crypto.ops().count(Op.VERIFY_INDIVIDUAL)).isZero(); // all from the batch
    assertThat(crypto.ops().count(Op.CACHE_HIT)).isEqualTo(N + 1);
  }

  @Test
  void sharesSignedAreTakenByOneBatchOnly() {
    List<byte[]> signed = new ArrayList<>();
    for (NodeSecrets s : KEYS.secrets()) {
      signed.add(crypto.signBeaconShare(s, MSG));
    }

    assertThat(crypto.verifyBeaconShare(0, MSG, signed.get(0))).isTrue();
    assertThat(crypto.verifyBeaconShare(0, OTHER, signed.get(0))).isFalse(); // nothing to take

    assertThat(crypto.ops().count(Op.VERIFY_SHARE_BATCHED)).isEqualTo(N);
    assertThat(crypto.ops().count(Op.VERIFY_THRESHOLD_SHARE)).isEqualTo(1); // the OTHER one alone
  }

  @Test
  void aSignerOutsideTheCommitteeOrCheapCryptoGivesNoCheck() {
    assertThat(ShareCheck.of(crypto, Kind.INDIVIDUAL, List.of(), N, MSG, new byte[48])).isNull();
    assertThat(ShareCheck.of(crypto, Kind.INDIVIDUAL, List.of(), -1, MSG, new byte[48])).isNull();
    ConsensusCrypto cheap = new ConsensusCrypto(KEYS.publicKeys(), VerificationCache.shared(),
        ConsensusCrypto.Mode.CHEAP);
    assertThat(ShareCheck.of(cheap, Kind.INDIVIDUAL, List.of(), 0, MSG, new byte[48])).isNull();
  }
}
