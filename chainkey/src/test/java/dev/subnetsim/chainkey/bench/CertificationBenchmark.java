package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.certification.BlsVerifier;
import dev.subnetsim.chainkey.certification.CanisterSignatureVerifier;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerificationException;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.CertificationFixtures;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeBuilder;
import dev.subnetsim.chainkey.certification.StateRootMessage;
import dev.subnetsim.chainkey.certification.Witness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Certificate and canister-signature verification against their floor: one BLS verification (a
 * hash to G1 and a two-pairing check, see FloorBenchmark) per certificate level. A root-signed
 * certificate needs one, a delegated certificate or a canister signature on one needs two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CertificationBenchmark {

  private CertificationFixtures.Fixture fx;
  private byte[] rootCert;
  private byte[] delegatedCert;
  private CertificateVerifier verifier;
  private CanisterSignatureVerifier canisterSigs;
  private BlsVerifier bls;
  private byte[] rootPk;
  private byte[] rootMsg;
  private byte[] rootSig;
  private HashTree bigTree;
  private List<List<byte[]>> onePath;

  @Setup
  public void setup() {
    fx = CertificationFixtures.fromSeed(1);
    rootCert = fx.rootCertificate().encode();
    delegatedCert = fx.delegatedCertificate().encode();
    verifier = CertificateVerifier.jblst();
    canisterSigs = CanisterSignatureVerifier.jblst();
    bls = BlsVerifier.jblst();
    rootPk = fx.rootKey().publicKey().toBytes();
    rootMsg = StateRootMessage.of(fx.rootCertificate().rootHash());
    rootSig = fx.rootCertificate().signature();
    HashTreeBuilder b = new HashTreeBuilder();
    for (int i = 0; i < 1024; i++) {
      b.put(new byte[32], "canister", String.format("c%04d", i), "certified_data");
    }
    bigTree = b.build();
    onePath = List.of(List.of("canister".getBytes(StandardCharsets.UTF_8), "c0512".getBytes(StandardCharsets.UTF_8)));
  }

  /** The floor of a root-signed certificate: one BLS verification of its signature. */
  @Benchmark
  public boolean blsVerifyFloor() {
    return bls.verify(rootPk, rootMsg, rootSig);
  }

  @Benchmark
  public Certificate verifyRootCertificate() throws CertificationVerificationFailed {
    return verify(rootCert);
  }

  @Benchmark
  public Certificate verifyDelegatedCertificate() throws CertificationVerificationFailed {
    return verify(delegatedCert);
  }

  @Benchmark
  public boolean verifyCanisterSignature() {
    return canisterSigs.isValid(fx.canisterSigPublicKeyDer(), fx.canisterSigMessage(), fx.canisterSignature(), fx.rootKeyDer());
  }

  @Benchmark
  public Certificate decodeDelegatedCertificate() {
    return Certificate.decode(delegatedCert);
  }

  /** Root hash of a 1024-canister state tree (SHA-256 over ~4100 nodes). */
  @Benchmark
  public byte[] digest1024CanisterTree() {
    return bigTree.digest();
  }

  @Benchmark
  public HashTree witnessOneCanisterOf1024() {
    return Witness.prune(bigTree, onePath);
  }

  private Certificate verify(byte[] cert) throws CertificationVerificationFailed {
    try {
      return verifier.verify(cert, fx.rootKeyDer(), fx.canisterId());
    } catch (CertificateVerificationException e) {
      throw new CertificationVerificationFailed(e);
    }
  }

  /** Unchecked wrapper so a broken fixture fails the benchmark loudly. */
  static final class CertificationVerificationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    CertificationVerificationFailed(Throwable cause) {
      super(cause);
    }
  }
}
