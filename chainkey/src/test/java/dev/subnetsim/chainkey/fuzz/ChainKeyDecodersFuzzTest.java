package dev.subnetsim.chainkey.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls.Signature;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.MalformedScalarException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.certification.CanisterRange;
import dev.subnetsim.chainkey.certification.CanisterRanges;
import dev.subnetsim.chainkey.certification.CanisterSignature;
import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateDelegation;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.certification.MalformedCborException;
import dev.subnetsim.chainkey.dkg.ChaumPedersenProof;
import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.MalformedDkgBytesException;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.InvalidEncodingException;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdsa.EcdsaSignatureShare;
import dev.subnetsim.chainkey.ic.InvalidPrincipalException;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgRound;
import dev.subnetsim.chainkey.idkg.IdkgTestCommittee;
import dev.subnetsim.chainkey.idkg.MalformedIdkgBytesException;
import dev.subnetsim.chainkey.idkg.TranscriptKind;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.SchnorrShare;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyShare;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.chainkey.vetkd.MalformedVetKdBytesException;
import dev.subnetsim.chainkey.vetkd.TransportPublicKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every chain-key decoder of bytes a peer can send or put in a block is total: fuzzed inputs
 * ({@link DecoderFuzz}) decode or are rejected with the format's one exception, nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainKeyDecodersFuzzTest {
  private final SeededRandom rng = SeededRandom.fromSeed(1818);
  private final List<byte[]> g1 = new ArrayList<>();
  private final List<byte[]> g2 = new ArrayList<>();
  private final List<byte[]> scalars = new ArrayList<>();
  private final List<byte[]> dealings = new ArrayList<>();
  private Transcript transcript;
  private DkgConfig config;
  private IdkgTestCommittee idkg;
  private IdkgRound.Result random;
  private IdkgRound.Result unmasked;

  @BeforeAll
  void validEncodings() {
    for (int i = 0; i < 4; i++) {
      Scalar s = Scalar.random(rng.fork("s" + i));
      scalars.add(s.toBytes());
      g1.add(G1Point.generator().mul(s).toBytes());
      g2.add(G2Point.generator().mul(s).toBytes());
    }
    g1.add(G1Point.identity().toBytes());
    List<G1Point> receivers = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      receivers.add(ReceiverKeyPair.random(rng.fork("receiver" + j)).publicKey());
    }
    config = DkgConfig.fresh("fuzz".getBytes(StandardCharsets.UTF_8), 4, receivers, 2);
    List<Dealing> ds = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      ds.add(new DkgDealer(config, d).createDealing(rng.fork("dealer" + d)));
      dealings.add(ds.get(d).toBytes());
    }
    transcript = TranscriptBuilder.build(config, ds, List.of());
    idkg = new IdkgTestCommittee(EcCurve.SECP256K1, 4, 18);
    random = idkg.random("masked", true);
    unmasked = idkg.random("unmasked", false);
  }

  private static long seed(String decoder) {
    return decoder.hashCode();
  }

  private static void total(String decoder, List<byte[]> valid, Class<? extends Throwable> rejection,
      DecoderFuzz.Decoder d) {
    DecoderFuzz.Outcome o = DecoderFuzz.assertTotal(decoder, seed(decoder), valid, rejection, d);
    // The mutations must reach the decoder's checks, or the property says nothing.
    assertThat(o.rejected()).as(decoder + " rejections").isPositive();
  }

  @Test
  void principalFromBytes() {
    total("Principal.fromBytes", List.of(new byte[0], new byte[] {4}, new byte[29], new byte[10]),
        InvalidPrincipalException.class, Principal::fromBytes);
  }

  @Test
  void cborReaderDecode() {
    HashTree tree = HashTree.fork(HashTree.labeled("time".getBytes(StandardCharsets.UTF_8),
        HashTree.leaf(new byte[] {1, 2, 3})), HashTree.pruned(new byte[32]));
    total("CborReader.decode", List.of(HashTreeCbor.encode(tree), certificate(tree)),
        MalformedCborException.class, CborReader::decode);
  }

  @Test
  void hashTreeCborDecode() {
    HashTree tree = HashTree.fork(HashTree.labeled("streams".getBytes(StandardCharsets.UTF_8),
        HashTree.fork(HashTree.leaf(new byte[8]), HashTree.empty())), HashTree.pruned(new byte[32]));
    total("HashTreeCbor.decode", List.of(HashTreeCbor.encode(tree),
        HashTreeCbor.encode(HashTree.empty())), MalformedCborException.class, HashTreeCbor::decode);
  }

  @Test
  void certificateDecode() {
    HashTree tree = HashTree.labeled("time".getBytes(StandardCharsets.UTF_8),
        HashTree.leaf(new byte[] {5}));
    byte[] plain = certificate(tree);
    byte[] delegated = new Certificate(tree, g1.get(0), Optional.of(new CertificateDelegation(
        Principal.fromBytes(new byte[] {1, 2}), plain))).encode();
    total("Certificate.decode", List.of(plain, delegated), MalformedCborException.class,
        Certificate::decode);
  }

  @Test
  void canisterRangesDecode() {
    byte[] ranges = CanisterRanges.encode(List.of(new CanisterRange(
        Principal.fromBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1}),
        Principal.fromBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 9, 1, 1}))));
    total("CanisterRanges.decode", List.of(ranges), MalformedCborException.class,
        CanisterRanges::decode);
  }

  @Test
  void canisterSignatureDecode() {
    HashTree tree = HashTree.labeled("sig".getBytes(StandardCharsets.UTF_8),
        HashTree.leaf(new byte[0]));
    byte[] sig = new CanisterSignature(certificate(tree), tree).encode();
    total("CanisterSignature.decode", List.of(sig), MalformedCborException.class,
        CanisterSignature::decode);
  }

  @Test
  void g1PointFromBytes() {
    total("G1Point.fromBytes", g1, MalformedPointException.class, G1Point::fromBytes);
    total("Signature.fromBytes", g1.subList(0, 4), MalformedPointException.class,
        Signature::fromBytes);
  }

  @Test
  void g2PointFromBytes() {
    total("G2Point.fromBytes", g2, MalformedPointException.class, G2Point::fromBytes);
    total("PublicKey.fromBytes", g2, MalformedPointException.class, PublicKey::fromBytes);
  }

  @Test
  void scalarFromBytes() {
    total("Scalar.fromBytes", scalars, MalformedScalarException.class, Scalar::fromBytes);
  }

  @Test
  void publicCoefficientsFromBytes() {
    total("PublicCoefficients.fromBytes", List.of(transcript.publicCoefficients().toBytes()),
        MalformedPointException.class, PublicCoefficients::fromBytes);
  }

  @Test
  void dkgDealingFromBytes() {
    total("Dealing.fromBytes", dealings, MalformedDkgBytesException.class, Dealing::fromBytes);
  }

  @Test
  void dkgTranscriptFromBytes() {
    total("Transcript.fromBytes", List.of(transcript.toBytes()), MalformedDkgBytesException.class,
        Transcript::fromBytes);
  }

  @Test
  void dkgComplaintFromBytes() {
    Complaint c = new Complaint(1, 2, G1Point.fromBytes(g1.get(0)), new ChaumPedersenProof(
        Scalar.fromBytes(scalars.get(1)), Scalar.fromBytes(scalars.get(2))));
    total("Complaint.fromBytes", List.of(c.toBytes()), MalformedDkgBytesException.class,
        Complaint::fromBytes);
  }

  @Test
  void dkgConfigFromBytes() {
    total("DkgConfig.fromBytes", List.of(config.toBytes()), MalformedDkgBytesException.class,
        DkgConfig::fromBytes);
  }

  @Test
  void idkgDealingFromBytes() {
    idkgKind(TranscriptKind.RANDOM, random);
    idkgKind(TranscriptKind.RANDOM_UNMASKED, unmasked);
    idkgKind(TranscriptKind.RESHARE_OF_MASKED, idkg.reshare("of-masked", random));
    idkgKind(TranscriptKind.RESHARE_OF_UNMASKED, idkg.reshare("of-unmasked", unmasked));
    idkgKind(TranscriptKind.UNMASKED_TIMES_MASKED, idkg.product("product", unmasked, random));
  }

  @Test
  void anIdkgDealingProofScalarAboveTheGroupOrderIsAMalformedDealing() {
    byte[] b = idkg.reshare("proof-scalar", random).built().dealings().get(0).toBytes();
    java.util.Arrays.fill(b, b.length - 32, b.length, (byte) 0xff); // the proof's last scalar
    assertThatThrownBy(() -> IdkgDealing.fromBytes(TranscriptKind.RESHARE_OF_MASKED,
        EcCurve.SECP256K1, b)).isExactlyInstanceOf(MalformedIdkgBytesException.class)
        .hasMessageContaining("dealing proof");
  }

  @Test
  void anIdkgDealingWithARepeatedReceiverOrACommitmentFlagOf2IsMalformed() {
    IdkgDealing d = unmasked.built().dealings().get(0);
    byte[] b = d.toBytes();
    int t = d.commitment().points().size();
    int flag = 4 + d.transcriptId().getBytes(StandardCharsets.UTF_8).length + 4;
    int receivers = flag + 1 + 4 + (t + 1) * 33;
    assertThat(java.nio.ByteBuffer.wrap(b, receivers, 4).getInt()).isEqualTo(4);
    byte[] repeated = b.clone();
    // Receiver entries are u32 index || 64 bytes: the second one now names receiver 0 again.
    java.nio.ByteBuffer.wrap(repeated, receivers + 4 + 68, 4).putInt(0);
    assertThatThrownBy(() -> IdkgDealing.fromBytes(TranscriptKind.RANDOM_UNMASKED,
        EcCurve.SECP256K1, repeated)).isExactlyInstanceOf(MalformedIdkgBytesException.class)
        .hasMessageContaining("repeats receiver 0");
    byte[] flag2 = b.clone();
    flag2[flag] = 2;
    assertThatThrownBy(() -> IdkgDealing.fromBytes(TranscriptKind.RANDOM_UNMASKED,
        EcCurve.SECP256K1, flag2)).isExactlyInstanceOf(MalformedIdkgBytesException.class)
        .hasMessageContaining("flag 2");
  }

  @Test
  void anIdkgDealingWhoseTranscriptIdExceedsItsStatedMaximumIsMalformed() {
    IdkgDealing d = unmasked.built().dealings().get(0);
    IdkgDealing longId = new IdkgDealing("t".repeat(IdkgDealing.MAX_ID_BYTES + 1), d.dealer(),
        d.commitment(), d.ephemeral(), d.ciphertexts(), d.proof());
    assertThatThrownBy(() -> IdkgDealing.fromBytes(TranscriptKind.RANDOM_UNMASKED,
        EcCurve.SECP256K1, longId.toBytes())).isExactlyInstanceOf(MalformedIdkgBytesException.class)
        .hasMessageContaining("exceeds 1024");
  }

  private void idkgKind(TranscriptKind kind, IdkgRound.Result result) {
    assertThat(result.built().transcript().kind()).isEqualTo(kind);
    List<byte[]> valid = result.built().dealings().stream().map(IdkgDealing::toBytes).toList();
    total("IdkgDealing.fromBytes/" + kind, valid, MalformedIdkgBytesException.class,
        b -> IdkgDealing.fromBytes(kind, EcCurve.SECP256K1, b));
  }

  @Test
  void ecPointDecode() {
    for (EcCurve curve : EcCurve.values()) {
      List<byte[]> valid = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        valid.add(EcPoint.mulGenerator(EcScalar.random(curve, rng.fork(curve + "p" + i))).encode());
      }
      total("EcPoint.decode/" + curve, valid, InvalidEncodingException.class,
          b -> EcPoint.decode(curve, b));
    }
  }

  @Test
  void ecScalarAndDleqProofFromBytes() {
    for (EcCurve curve : EcCurve.values()) {
      EcScalar x = EcScalar.random(curve, rng.fork(curve + "x"));
      total("EcScalar.fromBytes/" + curve, List.of(x.toBytes()), InvalidEncodingException.class,
          b -> EcScalar.fromBytes(curve, b));
      EcPoint g = EcPoint.mulGenerator(EcScalar.one(curve));
      EcPoint h = g.mul(EcScalar.random(curve, rng.fork(curve + "h")));
      byte[] proof = EcDleqProof.prove("fuzz", new byte[0], g, h, x, rng.fork(curve + "dleq"))
          .toBytes();
      total("EcDleqProof.fromBytes/" + curve, List.of(proof), InvalidEncodingException.class,
          b -> EcDleqProof.fromBytes(curve, b));
    }
  }

  @Test
  void thresholdSignatureSharesFromBytes() {
    for (EcCurve curve : List.of(EcCurve.SECP256K1, EcCurve.P256)) {
      byte[] ecdsa = new byte[EcdsaSignatureShare.BYTES];
      ecdsa[3] = 2;
      for (int at = 4; at < ecdsa.length; at += 32) {
        System.arraycopy(EcScalar.random(curve, rng.fork(curve + "e" + at)).toBytes(), 0, ecdsa,
            at, 32);
      }
      total("EcdsaSignatureShare.fromBytes/" + curve, List.of(ecdsa),
          IllegalArgumentException.class, b -> EcdsaSignatureShare.fromBytes(curve, b));
    }
    for (EcCurve curve : List.of(EcCurve.SECP256K1, EcCurve.ED25519)) {
      byte[] schnorr = new SchnorrShare(1, EcScalar.random(curve, rng.fork(curve + "s")))
          .toBytes();
      total("SchnorrShare.fromBytes/" + curve, List.of(schnorr), IllegalArgumentException.class,
          b -> SchnorrShare.fromBytes(curve, b));
    }
  }

  @Test
  void ecdhGroupDecodePublicKey() {
    for (EcdhGroup group : EcdhGroup.values()) {
      EcPoint p = EcPoint.mulGenerator(EcScalar.random(group.curve(), rng.fork(group + "k")));
      total("EcdhGroup.decodePublicKey/" + group, List.of(group.encodePublicKey(p)),
          IllegalArgumentException.class, group::decodePublicKey);
    }
  }

  @Test
  void vetKdCiphertextsFromBytes() {
    byte[] ct = new EncryptedKeyShare(G1Point.fromBytes(g1.get(0)), G2Point.fromBytes(g2.get(1)),
        G1Point.fromBytes(g1.get(2))).toBytes();
    total("EncryptedKeyShare.fromBytes", List.of(ct), MalformedVetKdBytesException.class,
        EncryptedKeyShare::fromBytes);
    total("EncryptedVetKey.fromBytes", List.of(ct), MalformedVetKdBytesException.class,
        EncryptedVetKey::fromBytes);
    total("TransportPublicKey.fromBytes", g1.subList(0, 4), MalformedVetKdBytesException.class,
        TransportPublicKey::fromBytes);
  }

  private byte[] certificate(HashTree tree) {
    return new Certificate(tree, g1.get(0), Optional.empty()).encode();
  }
}
