package dev.subnetsim.chainkey.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcPolynomial;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.NotEnoughValidSharesException;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Server key n = 7, threshold 3 (f = 2), dealt by the test-only dealer. */
class DocumentKeysTest {
  private static final int N = 7;
  private static final int T = 3;

  private record World(EcShamir.Dealt server, EcPoint documentKey, EncryptedDocumentKey stored,
      TransportKeyPair requester, SeededRandom rng) {}

  private static World world(EcCurve curve, long seed) {
    SeededRandom root = SeededRandom.fromSeed(seed);
    EcShamir.Dealt server = TestOnlyTrustedDealer.dealServerKey(curve, T, N, root.fork("dkg"));
    EcPoint m = DocumentKeys.randomDocumentKey(curve, root.fork("author"));
    EncryptedDocumentKey stored = DocumentKeys.encrypt(server.publicKey(), m, root.fork("store"));
    return new World(server, m, stored, TransportKeyPair.generate(curve, root.fork("requester")), root.fork("nodes"));
  }

  private static List<EncryptedDhShare> shadows(World w, int... nodes) {
    List<EncryptedDhShare> out = new ArrayList<>();
    for (int i : nodes) {
      out.add(DocumentKeys.createShadow(w.server.publicKey(), w.server.shares().get(i), w.stored, w.requester.publicKey(), w.rng));
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void anyThresholdOfShadowsRecoversTheDocumentKey(EcCurve curve) {
    World w = world(curve, 1);
    assertThat(w.stored.encryptedPoint()).isNotEqualTo(w.documentKey);
    for (int[] subset : new int[][] {{0, 1, 2}, {2, 5, 6}, {0, 1, 2, 3, 4, 5, 6}}) {
      RecoveredDocumentKey r = DocumentKeys.recover(w.server.publicKey(), w.stored, w.requester, shadows(w, subset));
      assertThat(r.documentKey()).isEqualTo(w.documentKey);
      assertThat(r.rejectedNodes()).isEmpty();
    }
    assertThat(DocumentKeys.symmetricKey(w.documentKey)).hasSize(32);
  }

  @Test
  void plainShadowsWithDleqProofsAlsoRecoverTheKey() {
    World w = world(EcCurve.SECP256K1, 2);
    List<DhShare> plain = new ArrayList<>();
    for (int i : new int[] {1, 4, 6}) {
      DhShare s = DocumentKeys.createPlainShadow(w.server.publicKey(), w.server.shares().get(i), w.stored, w.rng);
      assertThat(DocumentKeys.verifyPlainShadow(w.server.publicKey(), w.stored, s)).isTrue();
      plain.add(s);
    }
    assertThat(DocumentKeys.recoverFromPlainShadows(w.server.publicKey(), w.stored, plain).documentKey())
        .isEqualTo(w.documentKey);
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void byzantineShadowsAreRejectedAndAttributed(EcCurve curve) {
    World w = world(curve, 3);
    List<EncryptedDhShare> sh = new ArrayList<>(shadows(w, 0, 1, 2, 3, 4, 5));
    EcPoint g = curve.generator();
    // Node 1 shifts its ciphertext; node 3 returns a shadow of its share for another document.
    EncryptedDhShare s1 = sh.get(1);
    sh.set(1, new EncryptedDhShare(1, s1.ephemeral(), s1.ciphertext().add(g), s1.proof()));
    EncryptedDocumentKey otherDoc = DocumentKeys.encrypt(w.server.publicKey(), w.documentKey, w.rng.fork("other"));
    sh.set(3, DocumentKeys.createShadow(w.server.publicKey(), w.server.shares().get(3), otherDoc, w.requester.publicKey(), w.rng));
    assertThat(DocumentKeys.verifyShadow(w.server.publicKey(), w.stored, w.requester.publicKey(), sh.get(1))).isFalse();
    assertThat(DocumentKeys.verifyShadow(w.server.publicKey(), w.stored, w.requester.publicKey(), sh.get(3))).isFalse();
    RecoveredDocumentKey r = DocumentKeys.recover(w.server.publicKey(), w.stored, w.requester, sh);
    assertThat(r.rejectedNodes()).containsExactly(1, 3);
    assertThat(r.contributors()).containsExactly(0, 2, 4);
    assertThat(r.documentKey()).isEqualTo(w.documentKey);
    // With only two honest shadows left the requester is refused, and told who cheated.
    assertThatThrownBy(() -> DocumentKeys.recover(w.server.publicKey(), w.stored, w.requester, sh.subList(0, 4)))
        .isInstanceOf(NotEnoughValidSharesException.class).hasMessageContaining("[1, 3]");
  }

  @Test
  void shadowsEncryptedToAnotherRequesterAreUselessAndRejected() {
    World w = world(EcCurve.P256, 4);
    TransportKeyPair eve = TransportKeyPair.generate(EcCurve.P256, w.rng.fork("eve"));
    List<EncryptedDhShare> forRequester = shadows(w, 0, 1, 2);
    // Eve intercepts the requester's shadows: decrypting one with her key does not give x_i*C...
    for (EncryptedDhShare s : forRequester) {
      EcPoint real = w.stored.commonPoint().mul(w.server.shares().get(s.index()).scalar());
      assertThat(eve.decrypt(s)).isNotEqualTo(real);
      assertThat(w.requester.decrypt(s)).isEqualTo(real);
    }
    // ...and as shadows for her key they do not verify.
    assertThatThrownBy(() -> DocumentKeys.recover(w.server.publicKey(), w.stored, eve, forRequester))
        .isInstanceOf(NotEnoughValidSharesException.class).hasMessageContaining("[0, 1, 2]");
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void fewerThanThresholdShadowsCannotBeCombined(EcCurve curve) {
    World w = world(curve, 5);
    assertThatThrownBy(() -> DocumentKeys.recover(w.server.publicKey(), w.stored, w.requester, shadows(w, 2, 6)))
        .isInstanceOf(NotEnoughValidSharesException.class).hasMessageContaining("need 3 valid shares, got 2");
  }

  /**
   * Threshold privacy, exactly: a coalition A of t-1 nodes holds its key shares (more than
   * shadows: it can compute any shadow of its own) plus all t-1 shadows x_i*C. For EVERY candidate
   * server secret x' there is a degree t-1 sharing that agrees with all of A's shares (Shamir:
   * t-1 points and f'(0) = x' determine f'), so A's view is identical whichever x' is the truth,
   * and the candidate document key E - x'*C ranges over every group element as x' does. Checked
   * here: the completed sharings reproduce A's shares and shadows bit for bit, combining A's real
   * shadows with the completion's shadow for a missing node yields exactly the candidate key, and
   * distinct candidates give distinct keys.
   */
  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void withThresholdMinusOneShadowsEveryCandidateDocumentKeyIsConsistent(EcCurve curve) {
    World w = world(curve, 6);
    List<EcSecretShare> coalition = List.of(w.server.shares().get(1), w.server.shares().get(4));
    EcPoint c = w.stored.commonPoint();
    Set<EcPoint> candidates = new HashSet<>();
    SeededRandom rng = w.rng.fork("candidates");
    for (int k = 0; k < 8; k++) {
      EcScalar xPrime = EcScalar.random(curve, rng);
      // The sharing f' of x' through A's shares: interpolate (0, x'), (2, x_1), (5, x_4).
      EcPolynomial fPrime = interpolate(curve, xPrime, coalition);
      for (EcSecretShare s : coalition) {
        assertThat(fPrime.evaluateAtNode(s.index())).isEqualTo(s.scalar());
        assertThat(c.mul(fPrime.evaluateAtNode(s.index()))).isEqualTo(c.mul(s.scalar()));
      }
      EcPoint candidateKey = w.stored.encryptedPoint().sub(c.mul(xPrime));
      // A's two real shadows + the completion's shadow of node 6 interpolate to x'*C.
      TreeMap<Integer, EcPoint> view = new TreeMap<>();
      for (EcSecretShare s : coalition) {
        view.put(s.index(), c.mul(s.scalar()));
      }
      view.put(6, c.mul(fPrime.evaluateAtNode(6)));
      EcPoint recovered = w.stored.encryptedPoint().sub(EcLagrange.interpolatePoints(curve, view));
      assertThat(recovered).isEqualTo(candidateKey);
      assertThat(candidateKey).isNotEqualTo(w.documentKey);
      candidates.add(candidateKey);
    }
    assertThat(candidates).hasSize(8);
    // And the true secret is one of the completions: its candidate is the real document key.
    EcScalar x = EcShamir.reconstruct(curve, w.server.shares());
    assertThat(w.stored.encryptedPoint().sub(c.mul(x))).isEqualTo(w.documentKey);
  }

  /**
   * The simulation half of the argument: everything the coalition sees (its shares, its shadows
   * with valid proofs, every node's public key share) can be produced from the public server key
   * Y alone, without x: pick A's shares at random, interpolate the other public shares "in the
   * exponent" through Y. Since real Shamir shares of any t-1 nodes are uniform and independent of
   * x, the simulated view has exactly the real distribution; so t-1 shadows tell the requester
   * nothing beyond (Y, C, E), an ElGamal ciphertext.
   */
  @Test
  void theViewOfThresholdMinusOneNodesIsSimulatableFromThePublicKeyAlone() {
    EcCurve curve = EcCurve.SECP256K1;
    World w = world(curve, 7);
    SeededRandom sim = SeededRandom.fromSeed(99);
    EcPoint y = w.server.publicKey().publicKey();
    List<Integer> coalition = List.of(0, 3);
    TreeMap<Integer, EcScalar> simulatedShares = new TreeMap<>();
    for (int i : coalition) {
      simulatedShares.put(i, EcScalar.random(curve, sim));
    }
    TreeMap<Integer, EcPoint> publicShares = new TreeMap<>();
    for (int j = 0; j < N; j++) {
      publicShares.put(j, interpolatePublicShare(curve, y, simulatedShares, j));
    }
    EcThresholdPublicKey simulatedKey = new EcThresholdPublicKey(curve, T, y, publicShares);
    assertThat(simulatedKey.isConsistent()).isTrue();
    for (int i : coalition) {
      EcSecretShare share = new EcSecretShare(i, simulatedShares.get(i));
      assertThat(share.publicShare()).isEqualTo(simulatedKey.publicKeyShare(i));
      EncryptedDhShare shadow = DocumentKeys.createShadow(simulatedKey, share, w.stored, w.requester.publicKey(), sim);
      assertThat(DocumentKeys.verifyShadow(simulatedKey, w.stored, w.requester.publicKey(), shadow)).isTrue();
    }
  }

  private static EcPolynomial interpolate(EcCurve curve, EcScalar constant, List<EcSecretShare> points) {
    // Coefficients by solving the Vandermonde system via Lagrange basis polynomials.
    List<EcScalar> xs = new ArrayList<>();
    List<EcScalar> ys = new ArrayList<>();
    xs.add(EcScalar.zero(curve));
    ys.add(constant);
    for (EcSecretShare s : points) {
      xs.add(EcLagrange.evaluationPoint(curve, s.index()));
      ys.add(s.scalar());
    }
    int t = xs.size();
    EcScalar[] coeffs = new EcScalar[t];
    for (int k = 0; k < t; k++) {
      coeffs[k] = EcScalar.zero(curve);
    }
    for (int i = 0; i < t; i++) {
      EcScalar[] basis = {EcScalar.one(curve)};
      EcScalar denom = EcScalar.one(curve);
      for (int j = 0; j < t; j++) {
        if (j == i) {
          continue;
        }
        EcScalar[] next = new EcScalar[basis.length + 1];
        for (int k = 0; k < next.length; k++) {
          next[k] = EcScalar.zero(curve);
        }
        for (int k = 0; k < basis.length; k++) {
          next[k + 1] = next[k + 1].add(basis[k]);
          next[k] = next[k].sub(basis[k].mul(xs.get(j)));
        }
        basis = next;
        denom = denom.mul(xs.get(i).sub(xs.get(j)));
      }
      EcScalar factor = ys.get(i).mul(denom.inverse());
      for (int k = 0; k < t; k++) {
        coeffs[k] = coeffs[k].add(basis[k].mul(factor));
      }
    }
    return EcPolynomial.of(List.of(coeffs));
  }

  /** Y_j of the degree t-1 polynomial through (x=0, Y) and (i+1, s_i*G) for the coalition. */
  private static EcPoint interpolatePublicShare(EcCurve curve, EcPoint y, TreeMap<Integer, EcScalar> shares, int j) {
    if (shares.containsKey(j)) {
      return EcPoint.mulGenerator(shares.get(j));
    }
    List<EcScalar> xs = new ArrayList<>();
    List<EcPoint> ps = new ArrayList<>();
    xs.add(EcScalar.zero(curve));
    ps.add(y);
    for (var e : shares.entrySet()) {
      xs.add(EcLagrange.evaluationPoint(curve, e.getKey()));
      ps.add(EcPoint.mulGenerator(e.getValue()));
    }
    EcScalar x = EcLagrange.evaluationPoint(curve, j);
    return EcPoint.multiScalarMul(ps, EcLagrange.coefficientsAt(x, xs));
  }

  @Test
  void storingRejectsMismatchedCurves() {
    World w = world(EcCurve.P256, 8);
    assertThatThrownBy(() -> DocumentKeys.encrypt(w.server.publicKey(), EcCurve.SECP256K1.generator(), w.rng))
        .hasMessageContaining("document key on secp256k1");
    assertThatThrownBy(() -> new EncryptedDocumentKey(EcCurve.P256.identity(), EcCurve.P256.generator()))
        .hasMessageContaining("identity");
  }
}
