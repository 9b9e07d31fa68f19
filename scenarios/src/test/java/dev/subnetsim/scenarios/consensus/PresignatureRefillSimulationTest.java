package dev.subnetsim.scenarios.consensus;

import static dev.subnetsim.scenarios.consensus.ConsensusWorld.MS;
import static dev.subnetsim.scenarios.consensus.ConsensusWorld.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.consensus.ChainKeyOptions;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.topology.Topology;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Presignatures refilled through consensus: the stash starts empty (no setup ceremony) with a
 * target of 2 per key, and more signature requests arrive than that; every presignature that
 * answers them was dealt by the replicas, carried in block payloads and built by execution. One
 * replica deals garbage to a peer; only it may be blamed, and every request is still answered.
 */
class PresignatureRefillSimulationTest {
  private static final SubnetId SUBNET = new SubnetId("root");
  private static final Topology TOPOLOGY = Topology.singleSubnet("root", 4);
  private static final NodeId BAD_DEALER = TOPOLOGY.members(SUBNET).get(3);
  private static final byte[] HASH = "refilled".repeat(4).getBytes(StandardCharsets.UTF_8);
  private static final List<byte[]> PATH = List.of("wallet".getBytes(StandardCharsets.UTF_8));
  private static final int ECDSA_REQUESTS = 6;
  private static final int ED25519_REQUESTS = 4;

  private static ConsensusReplicaFactory factory;
  private static DriverOutcome oneThread;
  private static DriverOutcome twoThreads;
  private static ChainKeyCompletions completions;

  private static DriverOutcome run(int threads, ChainKeyCompletions checker) {
    Map<SubnetId, List<NodeId>> subnets = ConsensusWorld.subnets(TOPOLOGY);
    factory = new ConsensusReplicaFactory(7, subnets,
        s -> new ConsensusConfig(s, subnets.get(s), 200 * MS, 60 * MS, 1000, 10),
        Map.of(BAD_DEALER, EnumSet.of(ByzantineBehaviour.BAD_DEALINGS)),
        VerificationCache.shared(), s -> true,
        new ChainKeyOptions(2, 2, 64).withRefill(new RefillPolicy(false, 2)));
    SimulationConfig.Builder b = ConsensusWorld.config(factory, TOPOLOGY, 7, FaultSchedule.none(),
        3 * S, 14 * S, threads).checker(checker);
    for (int i = 0; i < ECDSA_REQUESTS + ED25519_REQUESTS; i++) {
      ManagementRequest r = i < ECDSA_REQUESTS
          ? new ManagementRequest.SignWithEcdsa("secp256k1", HASH, PATH, SigningKeys.KEY_NAME)
          : new ManagementRequest.SignWithSchnorr("ed25519", HASH, PATH, Optional.empty(),
              SigningKeys.KEY_NAME);
      long at = S + i * 300 * MS;
      b.ingress(at, TOPOLOGY.members(SUBNET).get(i % 3), LoadClient.fromSeed(7).sign(
          new PayloadItem.Workload(i, at, SubnetExecution.CHAIN_KEY_PROXY, "call",
              ChainKeyProxyCanister.callArg(r.method(), r.encode()))).encode());
    }
    return SimulationDriver.run(b.build());
  }

  @BeforeAll
  static void runTwice() {
    completions = new ChainKeyCompletions();
    oneThread = run(1, completions);
    twoThreads = run(2, new ChainKeyCompletions());
  }

  private static byte[] derivedKey(dev.subnetsim.chainkey.idkg.IdkgTranscript key) {
    return IcKeyDerivation.derive(key.commitment().constantTerm(), DerivationPath.forCanister(
        factory.execution(SUBNET).proxy().toBytes(), PATH)).publicKey().encode();
  }

  @Test
  void moreRequestsThanTheStashTargetAreAllAnsweredFromPresignaturesMadeThroughConsensus() {
    assertThat(oneThread.violations()).isEmpty();
    assertThat(completions.byRequest).hasSize(ECDSA_REQUESTS + ED25519_REQUESTS);
  }

  @Test
  void everyRefilledSignatureVerifiesWithBouncyCastleUnderTheCallersDerivedKey() {
    var signing = factory.execution(SUBNET).chainKeys().orElseThrow().publicKeys().signing();
    var x9 = CustomNamedCurves.getByName("secp256k1");
    byte[] ecdsaKey = derivedKey(signing.ecdsaKeys().get(EcCurve.SECP256K1));
    byte[] edKey = derivedKey(signing.schnorrKeys().get(ThresholdSchnorr.Algorithm.ED25519));
    TreeSet<String> nonces = new TreeSet<>();
    for (var c : completions.byRequest.values()) {
      byte[] sig = ManagementReply.Signature.decode(c.reply().toArray()).signature();
      nonces.add(java.util.HexFormat.of().formatHex(Arrays.copyOf(sig, 32)));
      if (c.method().equals("sign_with_ecdsa")) {
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(x9.getCurve().decodePoint(ecdsaKey),
            new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN())));
        assertThat(v.verifySignature(HASH, new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
            new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)))).isTrue();
      } else {
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(edKey));
        v.update(HASH, 0, HASH.length);
        assertThat(v.verifySignature(sig)).isTrue();
      }
    }
    assertThat(nonces).as("each signature used its own presignature").hasSize(10);
  }

  @Test
  void onlyTheDealerOfGarbageIsEverBlamed() {
    assertThat(completions.blamed).isSubsetOf(BAD_DEALER);
    assertThat(completions.reasons).allMatch(r -> r.contains("does not decrypt"));
  }

  @Test
  void theSameSeedGivesTheSameTraceWithOneAndTwoThreads() {
    assertThat(twoThreads.traceHash()).isEqualTo(oneThread.traceHash());
    assertThat(twoThreads.violations()).isEmpty();
  }
}
