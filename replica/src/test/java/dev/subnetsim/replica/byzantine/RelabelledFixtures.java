package dev.subnetsim.replica.byzantine;

import dev.subnetsim.chainkey.certification.BlsVerifier;
import dev.subnetsim.chainkey.certification.StateRootMessage;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.query.CertifiedState;
import dev.subnetsim.replica.query.RootDelegation;
import dev.subnetsim.replica.state.CertifiedStateTree;
import dev.subnetsim.replica.state.SubnetRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Genuine messages of each relabelled family, validly signed, for the relabelling tests. */
final class RelabelledFixtures {
  static final long S = 1_000_000_000L;
  static final LoadClient LOAD = LoadClient.fromSeed(5);
  static final UserKeyPair USER = UserKeyPair.generate(SignatureScheme.ED25519,
      SeededRandom.fromSeed(21));

  private static final long RANGE = 1L << 20;
  private static final SeededRandom RNG = SeededRandom.fromSeed(5);
  private static final ThresholdKeySet ROOT_KEY = ThresholdBls.generateKeys(1, 1, RNG.fork("root"));
  private static final ThresholdKeySet APP_KEY = ThresholdBls.generateKeys(1, 1, RNG.fork("app"));
  static final SubnetRegistry REGISTRY = new SubnetRegistry("root", Map.of(
      "root", SubnetRegistry.entry(ROOT_KEY.publicKey().toBytes(), 0, RANGE),
      "app", SubnetRegistry.entry(APP_KEY.publicKey().toBytes(), RANGE, RANGE)));
  static final CertifiedStateTree.SubnetEntry APP = REGISTRY.entry("app").orElseThrow();
  static final CertificationCheck CHECK = (subnet, root, signature) -> BlsVerifier.jblst()
      .verify(REGISTRY.entry(subnet).orElseThrow().publicKey96(), StateRootMessage.of(root),
          signature);

  static final GenesisKeys KEYS = GenesisKeys.generate("s", 4, SeededRandom.fromSeed(37));
  static final ConsensusCrypto CRYPTO = new ConsensusCrypto(KEYS.publicKeys(),
      VerificationCache.disabled());

  private RelabelledFixtures() {}

  /** An update call signed by {@link #USER}, expiring a minute in. */
  static SignedIngress call() {
    return USER.sign(new IngressMessage(USER.principal(), new CanisterId(0).toBytes(), "put",
        "k=v".getBytes(StandardCharsets.UTF_8), 60 * S, new byte[] {1, 2, 3}));
  }

  /** The root subnet's delegation for "app", cut from a certified root state. */
  static byte[] appDelegation() {
    var tree = new CertifiedStateTree(7 * S, Map.of(), Map.of(), REGISTRY.entries()).build();
    byte[] sig = ThresholdBls.ic().signShare(ROOT_KEY.secretKeyShares().get(0),
        StateRootMessage.of(tree.digest())).toBytes();
    return RootDelegation.issue(new CertifiedState(7, tree, sig), APP);
  }

  /** A catch-up package at {@code height} threshold-signed by the subnet of {@link #KEYS}. */
  static CatchUpResponse signedCupResponse(long height) {
    CatchUpPackage content = new CatchUpPackage(height, new byte[32], new byte[48],
        new byte[32], new byte[0]);
    byte[] message = SignedMessages.cupMessage(height, content.contentHash());
    TreeMap<Integer, byte[]> shares = new TreeMap<>();
    for (NodeSecrets s : KEYS.secrets()) {
      shares.put(s.index(), CRYPTO.signCertificationShare(s.index(), s.certificationShare(),
          message));
    }
    return new CatchUpResponse(content.signed(CRYPTO.combineCertification(shares)),
        new byte[] {4, 5, 6}, List.of(), List.of(), List.of());
  }
}
