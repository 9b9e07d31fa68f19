package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterSignature;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.certification.Witness;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.SenderDelegation;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import dev.subnetsim.replica.state.SubnetRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an Internet Identity front end does against the test bed's identity canister, with the
 * bed's subnet registered as the root under a threshold BLS key (so replicas verify canister
 * signatures under it): {@code prepare_delegation} (an update, which certifies the signature
 * tree), {@code get_delegation} (a query, the witness) and a certificate of the subnet's state,
 * combined into the canister signature on the delegation to the session key.
 */
final class IdentityCanisterClient {
  static final long EXPIRATION = 3_600 * CanisterTestBed.S;

  final ThresholdBls bls = ThresholdBls.ic();
  private final CanisterTestBed bed;
  private final ThresholdKeySet subnetKey;
  final byte[] rootKeyDer;

  /** The user's canister-signature key and the delegation to the session key it signed. */
  record Issued(byte[] userKeyDer, SenderDelegation link) {}

  IdentityCanisterClient(CanisterTestBed bed) {
    this.bed = bed;
    this.subnetKey = bls.generateKeys(4, 3, bed.rng.fork("subnet-key"));
    this.rootKeyDer = BlsKeyDer.encode(subnetKey.publicKey().toBytes());
    bed.subnet.withRegistry(new SubnetRegistry("canisters", Map.of("canisters",
        SubnetRegistry.entry(subnetKey.publicKey().toBytes(),
            bed.subnet.routing().base("canisters"), 100))), CertificationCheck.none());
  }

  /** The identity canister signs, for {@code device}'s principal, a delegation to the session key. */
  Issued issue(UserKeyPair device, byte[] sessionKeyDer) {
    RequestStatus prepared = bed.call(device, CanisterTestBed.IDENTITY, "prepare_delegation",
        arg(sessionKeyDer));
    assertThat(prepared.status()).isEqualTo("replied");
    ExecutionResult got = bed.query(device, CanisterTestBed.IDENTITY, "get_delegation",
        arg(sessionKeyDer));
    HashTree witness = HashTreeCbor.decode(((ExecutionResult.Replied) got.outcome()).data());
    HashTree tree = Witness.prune(bed.state.certifiedTree(List.of()), List.of(
        List.of(bytes("canister"), bed.canister(CanisterTestBed.IDENTITY).toBytes(),
            bytes("certified_data")),
        List.of(bytes("time"))));
    Certificate cert = CertificateBuilder.certify(tree, message -> {
      TreeMap<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < 3; i++) {
        shares.put(i, bls.signShare(subnetKey.secretKeyShares().get(i), message));
      }
      return bls.combine(3, shares).toBytes();
    }, Optional.empty());
    return new Issued(prepared.reply(), new SenderDelegation(new SessionKeyDelegation(
        sessionKeyDer, EXPIRATION, Optional.empty()),
        new CanisterSignature(cert.encode(), witness).encode()));
  }

  /** The identity canister's argument: [session key DER, u64 expiration]. */
  static byte[] arg(byte[] sessionKeyDer) {
    return Fields.encode(sessionKeyDer, ByteBuffer.allocate(8).putLong(EXPIRATION).array());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
