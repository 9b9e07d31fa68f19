package dev.subnetsim.scenarios.consensus;

import static dev.subnetsim.scenarios.consensus.ConsensusWorld.MS;
import static dev.subnetsim.scenarios.consensus.ConsensusWorld.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.chainkey.vetkd.VetKey;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chain-key services through consensus: a canister calls the management canister; every replica
 * makes its share, shares are gossiped and verified, a block carries a threshold of them, and
 * execution combines them into the reply the canister receives. The clients (vetKD transport key,
 * ECDH peer, document-key requester) then check the replies with their own secrets. One replica
 * sends invalid shares throughout; it is attributed and the services keep answering.
 */
class ChainKeyServicesSimulationTest {
  private static final SubnetId SUBNET = new SubnetId("root");
  private static final long UNIT = 200 * MS;
  private static final byte[] CONTEXT = "notes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INPUT = "alice".getBytes(StandardCharsets.UTF_8);

  private static final Topology TOPOLOGY = Topology.singleSubnet("root", 4);
  private static final NodeId BYZANTINE = TOPOLOGY.members(SUBNET).get(3);
  private static final SeededRandom CLIENT = SeededRandom.fromSeed(99);
  private static final TransportSecretKey VETKD_TRANSPORT = TransportSecretKey.random(CLIENT.fork("tsk"));
  private static final EcScalar PEER_SECRET = EcScalar.randomNonZero(EcCurve.P256, CLIENT.fork("peer"));
  private static final TransportKeyPair ECDH_TRANSPORT = TransportKeyPair.generate(EcCurve.P256, CLIENT.fork("ecdh-t"));
  private static final TransportKeyPair REQUESTER = TransportKeyPair.generate(EcCurve.SECP256K1, CLIENT.fork("req"));
  private static final EcPoint DOCUMENT_KEY = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, CLIENT.fork("doc"));

  private static final byte[] TX_HASH = new byte[32];
  private static final List<byte[]> PATH = List.of("wallet".getBytes(StandardCharsets.UTF_8));
  private static ConsensusReplicaFactory factory;
  private static EncryptedDocumentKey storedDocument;
  private static final ChainKeyCompletions completions = new ChainKeyCompletions();
  private static final TreeMap<Long, byte[]> requestsBySequence = new TreeMap<>();
  private static DriverOutcome result;

  @BeforeAll
  static void runSubnetWithChainKeyLoad() {
    factory = ConsensusWorld.factory(TOPOLOGY, 5,
        Map.of(BYZANTINE, EnumSet.of(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES)), UNIT, true);
    SubnetChainKeys keys = keys();
    storedDocument = DocumentKeys.encrypt(keys.documentServerKey(), DOCUMENT_KEY, CLIENT.fork("enc"));
    List<ManagementRequest> requests = List.of(
        new ManagementRequest.VetKdDeriveKey(INPUT, CONTEXT,
            VETKD_TRANSPORT.publicKey().toBytes(), SubnetChainKeys.VETKD_KEY_NAME),
        new ManagementRequest.EcdhDerive("p256", EcPoint.mulGenerator(PEER_SECRET).encode(),
            PATH, Optional.empty(), SubnetChainKeys.ECDH_KEY_NAME),
        new ManagementRequest.EcdhDerive("p256", EcPoint.mulGenerator(PEER_SECRET).encode(),
            PATH, Optional.of(ECDH_TRANSPORT.publicKey().encode()), SubnetChainKeys.ECDH_KEY_NAME),
        new ManagementRequest.DocumentKeyShadows(storedDocument.commonPoint().encode(),
            REQUESTER.publicKey().encode(), SubnetChainKeys.DOCUMENT_KEY_NAME),
        new ManagementRequest.SignWithEcdsa("secp256k1", TX_HASH, PATH, SigningKeys.KEY_NAME),
        new ManagementRequest.SignWithSchnorr("bip340", TX_HASH, PATH, Optional.empty(),
            SigningKeys.KEY_NAME),
        new ManagementRequest.SignWithSchnorr("ed25519", TX_HASH, PATH, Optional.empty(),
            SigningKeys.KEY_NAME));
    SimulationConfig.Builder b = ConsensusWorld.config(factory, TOPOLOGY, 5, FaultSchedule.none(),
        3 * S, 12 * S, 1).checker(completions);
    for (int i = 0; i < requests.size(); i++) {
      ManagementRequest r = requests.get(i);
      b.ingress((1 + i) * S, TOPOLOGY.members(SUBNET).get(i % 3), LoadClient.fromSeed(5).sign(
          new PayloadItem.Workload(i, (1 + i) * S, SubnetExecution.CHAIN_KEY_PROXY, "call",
              ChainKeyProxyCanister.callArg(r.method(), r.encode()))).encode());
      requestsBySequence.put((long) i, r.encode());
    }
    result = SimulationDriver.run(b.build());
  }

  private static SubnetChainKeys keys() {
    return factory.execution(SUBNET).chainKeys().orElseThrow().publicKeys();
  }

  private static byte[] replyOf(String method, int nth) {
    return completion(method, nth).reply().toArray();
  }

  private static Observation.ChainKeyCompleted completion(String method, int nth) {
    return completions.byRequest.values().stream().filter(c -> c.method().equals(method))
        .skip(nth).findFirst().orElseThrow(() -> new AssertionError("no " + method + " reply"));
  }

  @Test
  void everyRequestIsAnsweredWithoutSafetyViolations() {
    assertThat(result.violations()).isEmpty();
    assertThat(completions.byRequest).hasSize(7);
    assertThat(completions.byRequest.values()).allSatisfy(c ->
        assertThat(c.answeredAtNanos() - c.queuedAtNanos()).isLessThan(3 * S));
  }

  @Test
  void theVetKeyDecryptsAndVerifiesUnderTheCallersDerivedKey() {
    var c = completion("vetkd_derive_key", 0);
    byte[] encrypted = ManagementReply.EncryptedVetKey.decode(c.reply().toArray()).encryptedKey();
    var derived = DerivationContext.of(factory.execution(SUBNET).proxy().toBytes(), CONTEXT)
        .derive(keys().vetKdKey().publicKey()).publicKey();
    VetKey key = EncryptedVetKey.fromBytes(encrypted).decryptAndVerify(VETKD_TRANSPORT, derived, INPUT);
    assertThat(key.signature().toBytes()).hasSize(48);
    // Another caller (a different canister id) derives a different key: decryption must fail.
    var other = DerivationContext.of(new dev.subnetsim.replica.execution.CanisterId(7).toBytes(),
        CONTEXT).derive(keys().vetKdKey().publicKey()).publicKey();
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        EncryptedVetKey.fromBytes(encrypted).decryptAndVerify(VETKD_TRANSPORT, other, INPUT))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void thresholdEcdhEqualsWhatAPlainPeerComputesWithTheCallersDerivedKeyInBothModes() {
    EcThresholdPublicKey subnetKey = keys().ecdhKeys().get(EcCurve.P256);
    EcThresholdPublicKey callerKey = dev.subnetsim.chainkey.ecdh.CallerEcdhKey.derive(subnetKey,
        factory.execution(SUBNET).proxy().toBytes(), PATH).publicKey();
    byte[] peerView = EcdhGroup.P256.sharedSecret(callerKey.publicKey().mul(PEER_SECRET));
    // Not the master key's product, which every canister could get before keys were per caller.
    assertThat(peerView).isNotEqualTo(EcdhGroup.P256.sharedSecret(subnetKey.publicKey().mul(PEER_SECRET)));
    var plain = ManagementReply.Ecdh.decode(replyOf("ecdh_derive", 0));
    assertThat(plain.encrypted()).isFalse();
    assertThat(plain.result()).isEqualTo(peerView);
    var encrypted = ManagementReply.Ecdh.decode(replyOf("ecdh_derive", 1));
    assertThat(encrypted.encrypted()).isTrue();
    assertThat(encrypted.result()).isNotEqualTo(peerView);
    EcPoint[] rc = ChainKeyWire.decodeEncryptedCombined(EcCurve.P256, encrypted.result());
    EcPoint decrypted = rc[1].sub(rc[0].mul(ECDH_TRANSPORT.secret()));
    assertThat(EcdhGroup.P256.sharedSecret(decrypted)).isEqualTo(peerView);
  }

  @Test
  void theRequesterRecoversTheDocumentKeyFromTheShadows() {
    var reply = ManagementReply.DocumentKeyShadows.decode(replyOf("document_key_shadows", 0));
    List<EncryptedDhShare> shadows = new ArrayList<>();
    reply.shadows().forEach(b -> shadows.add(ChainKeyWire.decodeEncryptedDhShare(EcCurve.SECP256K1, b)));
    assertThat(shadows).hasSize(keys().threshold());
    assertThat(DocumentKeys.recover(keys().documentServerKey(), storedDocument, REQUESTER, shadows)
        .documentKey()).isEqualTo(DOCUMENT_KEY);
  }

  private static dev.subnetsim.chainkey.derivation.DerivedKey derived(
      dev.subnetsim.chainkey.idkg.IdkgTranscript key) {
    return dev.subnetsim.chainkey.derivation.IcKeyDerivation.derive(
        key.commitment().constantTerm(), dev.subnetsim.chainkey.derivation.DerivationPath
            .forCanister(factory.execution(SUBNET).proxy().toBytes(), PATH));
  }

  @Test
  void thresholdSignaturesVerifyWithBouncyCastleUnderTheCallersDerivedKeys() throws Exception {
    var signing = keys().signing();
    byte[] ecdsa = ManagementReply.Signature.decode(replyOf("sign_with_ecdsa", 0)).signature();
    var key = derived(signing.ecdsaKeys().get(EcCurve.SECP256K1));
    var x9 = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");
    var verifier = new org.bouncycastle.crypto.signers.ECDSASigner();
    verifier.init(false, new org.bouncycastle.crypto.params.ECPublicKeyParameters(
        x9.getCurve().decodePoint(key.publicKey().encode()),
        new org.bouncycastle.crypto.params.ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN())));
    assertThat(verifier.verifySignature(TX_HASH, new java.math.BigInteger(1,
        java.util.Arrays.copyOfRange(ecdsa, 0, 32)), new java.math.BigInteger(1,
        java.util.Arrays.copyOfRange(ecdsa, 32, 64)))).isTrue();
    byte[] ed = ManagementReply.Signature.decode(replyOf("sign_with_schnorr", 1)).signature();
    var edKey = derived(signing.schnorrKeys().get(
        dev.subnetsim.chainkey.schnorr.ThresholdSchnorr.Algorithm.ED25519));
    var edVerifier = new org.bouncycastle.crypto.signers.Ed25519Signer();
    edVerifier.init(false, new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(
        edKey.publicKey().encode()));
    edVerifier.update(TX_HASH, 0, 32);
    assertThat(edVerifier.verifySignature(ed)).isTrue();
    byte[] bip = ManagementReply.Signature.decode(replyOf("sign_with_schnorr", 0)).signature();
    var bipKey = derived(signing.schnorrKeys().get(
        dev.subnetsim.chainkey.schnorr.ThresholdSchnorr.Algorithm.BIP340)).publicKey();
    assertThat(dev.subnetsim.chainkey.schnorr.ThresholdSchnorr.verify(
        dev.subnetsim.chainkey.schnorr.ThresholdSchnorr.Algorithm.BIP340,
        bipKey.xCoordinateBytes(), TX_HASH, bip)).isTrue();
  }

  @Test
  void theReplicaSendingInvalidSharesIsBlamedAndOnlyIt() {
    assertThat(completions.blamed).containsExactly(BYZANTINE);
    assertThat(completions.reasons).anyMatch(r -> r.contains("invalid vetkd_derive_key share of node 3"));
  }
}
