package dev.subnetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.reshare.InstalledChainKeys;
import dev.subnetsim.scenarios.engine.KeyReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A replica's key report crosses the wire with every value the driver's checkers read: epochs'
 * public coefficients and own shares, chain-key shares of every kind, installed dealings.
 */
class KeyReportCodecTest {
  private static PublicCoefficients coefficients(long... secrets) {
    return PublicCoefficients.of(java.util.Arrays.stream(secrets)
        .mapToObj(x -> G2Point.generator().mul(Scalar.fromLong(x))).toList());
  }

  private static KeyReport roundTrip(KeyReport r) throws Exception {
    return KeyReportCodec.decode(dev.subnetsim.cluster.proto.KeyReport.parseFrom(
        KeyReportCodec.encode(r).toByteArray()));
  }

  @Test
  void epochKeysComeBackWithTheirCoefficientsAndOwnSharesWhetherHeldOrNot() throws Exception {
    EpochKeys held = new EpochKeys(3, coefficients(5, 6), coefficients(7, 8, 9),
        List.of(G2Point.generator()), List.of(), Scalar.fromLong(11), Scalar.fromLong(12));
    EpochKeys missing = new EpochKeys(4, coefficients(5, 6), coefficients(7, 8, 9), List.of(),
        List.of(), null, null);

    KeyReport back = roundTrip(new KeyReport(Optional.of(List.of(held, missing)),
        Optional.empty(), List.of()));

    List<EpochKeys> epochs = back.consensus().orElseThrow();
    assertThat(epochs).extracting(EpochKeys::epoch).containsExactly(3L, 4L);
    assertThat(epochs.get(0).beacon()).isEqualTo(held.beacon());
    assertThat(epochs.get(0).certification()).isEqualTo(held.certification());
    assertThat(epochs.get(0).myBeaconShare()).isEqualTo(Scalar.fromLong(11));
    assertThat(epochs.get(0).myCertificationShare()).isEqualTo(Scalar.fromLong(12));
    assertThat(epochs.get(1).myBeaconShare()).isNull();
    assertThat(epochs.get(1).myCertificationShare()).isNull();
    assertThat(back.reshared()).isEmpty();
  }

  @Test
  void chainKeySharesComeBackWithEveryShareTheCheckerReads() throws Exception {
    EcScalar k1 = EcScalar.of(EcCurve.SECP256K1, 21);
    EcScalar p256 = EcScalar.of(EcCurve.P256, 22);
    EcScalar ed = EcScalar.of(EcCurve.ED25519, 23);
    NodeChainKeyShares sent = new NodeChainKeyShares(2, Scalar.fromLong(20),
        Map.of(EcCurve.SECP256K1, new EcSecretShare(2, k1)), new EcSecretShare(2, p256),
        SigningKeys.resharedNode(2,
            Map.of(EcCurve.SECP256K1, new CommitmentOpening.Simple(k1),
                EcCurve.P256, new CommitmentOpening.Pedersen(p256, EcScalar.of(EcCurve.P256, 5))),
            Map.of(ThresholdSchnorr.Algorithm.ED25519, new CommitmentOpening.Simple(ed)),
            Map.of()));

    NodeChainKeyShares back = roundTrip(new KeyReport(Optional.empty(),
        Optional.of(new KeyReport.Reshared(Optional.of(sent))), List.of()))
        .reshared().orElseThrow().shares().orElseThrow();

    assertThat(back.index()).isEqualTo(2);
    assertThat(back.vetKdShare()).isEqualTo(sent.vetKdShare());
    assertThat(back.ecdhShares()).isEqualTo(sent.ecdhShares());
    assertThat(back.documentShare()).isEqualTo(sent.documentShare());
    assertThat(back.signing().ecdsaKeys()).isEqualTo(sent.signing().ecdsaKeys());
    assertThat(back.signing().schnorrKeys()).isEqualTo(sent.signing().schnorrKeys());
  }

  @Test
  void sharesNoLongerHeldAreReportedAsNoneNotAsUnchanged() throws Exception {
    KeyReport back = roundTrip(new KeyReport(Optional.empty(),
        Optional.of(new KeyReport.Reshared(Optional.empty())), List.of()));
    assertThat(back.reshared()).contains(new KeyReport.Reshared(Optional.empty()));
    assertThat(back.consensus()).isEmpty();
  }

  @Test
  void installedDealingsComeBackByteForByteUnderTheirKeyIds() throws Exception {
    TreeMap<String, List<byte[]>> dealings = new TreeMap<>();
    dealings.put("ecdsa/secp256k1", List.of(new byte[] {1, 2}, new byte[] {3}));
    dealings.put("vetkd", List.of(new byte[] {4}));

    KeyReport back = roundTrip(new KeyReport(Optional.empty(), Optional.empty(), List.of(
        new KeyReport.Installed("signing", new InstalledChainKeys.Install(-1, dealings)))));

    KeyReport.Installed i = back.installs().get(0);
    assertThat(i.subnet()).isEqualTo("signing");
    assertThat(i.install().reshare()).isEqualTo(-1);
    assertThat(i.install().dealings()).containsOnlyKeys("ecdsa/secp256k1", "vetkd");
    assertThat(i.install().dealings().get("ecdsa/secp256k1"))
        .containsExactly(new byte[] {1, 2}, new byte[] {3});
  }

  @Test
  void aShareOutsideItsFieldOrAnUnknownCurveIsRefused() {
    var badScalar = dev.subnetsim.cluster.proto.KeyReport.newBuilder().setReshared(
        dev.subnetsim.cluster.proto.Reshared.newBuilder().setShares(
            dev.subnetsim.cluster.proto.ChainKeyShares.newBuilder().setIndex(0)
                .setVetkdShare(com.google.protobuf.ByteString.copyFrom(new byte[32])
                    .concat(com.google.protobuf.ByteString.copyFrom(new byte[] {1}))))).build();
    var badCurve = dev.subnetsim.cluster.proto.KeyReport.newBuilder().setReshared(
        dev.subnetsim.cluster.proto.Reshared.newBuilder().setShares(
            dev.subnetsim.cluster.proto.ChainKeyShares.newBuilder().addEcdh(
                dev.subnetsim.cluster.proto.EcShare.newBuilder().setCurve("EVIL")))).build();
    assertThatThrownBy(() -> KeyReportCodec.decode(badScalar))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> KeyReportCodec.decode(badCurve))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
