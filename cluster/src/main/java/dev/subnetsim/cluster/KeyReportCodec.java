package dev.subnetsim.cluster;

import com.google.protobuf.ByteString;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.cluster.proto.ChainKeyShares;
import dev.subnetsim.cluster.proto.EcShare;
import dev.subnetsim.cluster.proto.HeldEpochs;
import dev.subnetsim.cluster.proto.Installed;
import dev.subnetsim.cluster.proto.KeyDealings;
import dev.subnetsim.cluster.proto.Opening;
import dev.subnetsim.cluster.proto.Reshared;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.reshare.InstalledChainKeys;
import dev.subnetsim.scenarios.engine.KeyReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link KeyReport}s and forwarded installations to and from {@code cluster.proto}. What the
 * driver rebuilds is what its checkers read: a replica's epochs without every node's public key
 * share, its chain-key shares without presignature material (see the proto's comments). Decoding
 * throws only runtime exceptions, which {@link ClusterCodec} turns into a malformed message.
 */
final class KeyReportCodec {
  private KeyReportCodec() {}

  static dev.subnetsim.cluster.proto.KeyReport encode(KeyReport r) {
    var b = dev.subnetsim.cluster.proto.KeyReport.newBuilder();
    r.consensus().ifPresent(epochs -> {
      var held = HeldEpochs.newBuilder();
      epochs.forEach(e -> held.addEpochs(epoch(e)));
      b.setConsensus(held);
    });
    r.reshared().ifPresent(s -> {
      var reshared = Reshared.newBuilder();
      s.shares().ifPresent(sh -> reshared.setShares(shares(sh)));
      b.setReshared(reshared);
    });
    r.installs().forEach(i -> b.addInstalls(installed(i)));
    return b.build();
  }

  static KeyReport decode(dev.subnetsim.cluster.proto.KeyReport r) {
    Optional<List<EpochKeys>> consensus = Optional.empty();
    if (r.hasConsensus()) {
      List<EpochKeys> epochs = new ArrayList<>();
      r.getConsensus().getEpochsList().forEach(e -> epochs.add(epoch(e)));
      consensus = Optional.of(epochs);
    }
    Optional<KeyReport.Reshared> reshared = r.hasReshared()
        ? Optional.of(new KeyReport.Reshared(r.getReshared().hasShares()
            ? Optional.of(shares(r.getReshared().getShares())) : Optional.empty()))
        : Optional.empty();
    return new KeyReport(consensus, reshared, installs(r.getInstallsList()));
  }

  static List<KeyReport.Installed> installs(List<Installed> wire) {
    List<KeyReport.Installed> out = new ArrayList<>(wire.size());
    wire.forEach(i -> out.add(installed(i)));
    return out;
  }

  static Installed installed(KeyReport.Installed i) {
    var b = Installed.newBuilder().setSubnet(i.subnet()).setReshare(i.install().reshare());
    i.install().dealings().forEach((keyId, ds) -> {
      var d = KeyDealings.newBuilder().setKeyId(keyId);
      ds.forEach(bytes -> d.addDealings(ByteString.copyFrom(bytes)));
      b.addDealings(d);
    });
    return b.build();
  }

  private static KeyReport.Installed installed(Installed i) {
    TreeMap<String, List<byte[]>> dealings = new TreeMap<>();
    for (KeyDealings d : i.getDealingsList()) {
      List<byte[]> bytes = new ArrayList<>(d.getDealingsCount());
      d.getDealingsList().forEach(x -> bytes.add(x.toByteArray()));
      if (dealings.put(d.getKeyId(), bytes) != null) {
        throw new IllegalArgumentException("key " + d.getKeyId() + " installed twice");
      }
    }
    return new KeyReport.Installed(i.getSubnet(),
        new InstalledChainKeys.Install(i.getReshare(), dealings));
  }

  // ---- consensus keys

  private static dev.subnetsim.cluster.proto.EpochKeys epoch(EpochKeys e) {
    var b = dev.subnetsim.cluster.proto.EpochKeys.newBuilder().setEpoch(e.epoch())
        .setBeacon(ByteString.copyFrom(e.beacon().toBytes()))
        .setCertification(ByteString.copyFrom(e.certification().toBytes()));
    if (e.myBeaconShare() != null) {
      b.setMyBeaconShare(ByteString.copyFrom(e.myBeaconShare().toBytes()));
    }
    if (e.myCertificationShare() != null) {
      b.setMyCertificationShare(ByteString.copyFrom(e.myCertificationShare().toBytes()));
    }
    return b.build();
  }

  private static EpochKeys epoch(dev.subnetsim.cluster.proto.EpochKeys e) {
    return new EpochKeys(e.getEpoch(),
        PublicCoefficients.fromBytes(e.getBeacon().toByteArray()),
        PublicCoefficients.fromBytes(e.getCertification().toByteArray()), List.of(), List.of(),
        e.hasMyBeaconShare() ? Scalar.fromBytes(e.getMyBeaconShare().toByteArray()) : null,
        e.hasMyCertificationShare()
            ? Scalar.fromBytes(e.getMyCertificationShare().toByteArray()) : null);
  }

  // ---- chain-key shares

  private static ChainKeyShares shares(NodeChainKeyShares s) {
    var b = ChainKeyShares.newBuilder().setIndex(s.index());
    if (s.vetKdShare() != null) {
      b.setVetkdShare(ByteString.copyFrom(s.vetKdShare().toBytes()));
    }
    s.ecdhShares().forEach((curve, share) -> b.addEcdh(ecShare(share)));
    if (s.documentShare() != null) {
      b.setDocument(ecShare(s.documentShare()));
    }
    if (s.signing() != null) {
      s.signing().ecdsaKeys().forEach((curve, o) -> b.addEcdsaKeys(opening(curve.name(), o)));
      s.signing().schnorrKeys().forEach((alg, o) -> b.addSchnorrKeys(opening(alg.name(), o)));
    }
    return b.build();
  }

  private static NodeChainKeyShares shares(ChainKeyShares s) {
    int index = ClusterCodec.node(s.getIndex()).value();
    Map<EcCurve, EcSecretShare> ecdh = new EnumMap<>(EcCurve.class);
    for (EcShare e : s.getEcdhList()) {
      EcSecretShare share = ecShare(e);
      if (ecdh.put(share.scalar().curve(), share) != null) {
        throw new IllegalArgumentException("two ECDH shares on " + e.getCurve());
      }
    }
    Map<EcCurve, CommitmentOpening> ecdsa = new EnumMap<>(EcCurve.class);
    for (Opening o : s.getEcdsaKeysList()) {
      if (ecdsa.put(EcCurve.valueOf(o.getKey()), opening(o)) != null) {
        throw new IllegalArgumentException("two ECDSA keys on " + o.getKey());
      }
    }
    Map<ThresholdSchnorr.Algorithm, CommitmentOpening> schnorr =
        new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    for (Opening o : s.getSchnorrKeysList()) {
      if (schnorr.put(ThresholdSchnorr.Algorithm.valueOf(o.getKey()), opening(o)) != null) {
        throw new IllegalArgumentException("two Schnorr keys " + o.getKey());
      }
    }
    return new NodeChainKeyShares(index,
        s.hasVetkdShare() ? Scalar.fromBytes(s.getVetkdShare().toByteArray()) : null, ecdh,
        s.hasDocument() ? ecShare(s.getDocument()) : null,
        SigningKeys.resharedNode(index, ecdsa, schnorr, Map.of()));
  }

  private static EcShare ecShare(EcSecretShare s) {
    return EcShare.newBuilder().setCurve(s.scalar().curve().name()).setIndex(s.index())
        .setScalar(ByteString.copyFrom(s.scalar().toBytes())).build();
  }

  private static EcSecretShare ecShare(EcShare e) {
    EcCurve curve = EcCurve.valueOf(e.getCurve());
    return new EcSecretShare(ClusterCodec.node(e.getIndex()).value(),
        EcScalar.fromBytes(curve, e.getScalar().toByteArray()));
  }

  private static Opening opening(String key, CommitmentOpening o) {
    var b = Opening.newBuilder().setKey(key).setCurve(o.value().curve().name())
        .setValue(ByteString.copyFrom(o.value().toBytes()));
    if (o instanceof CommitmentOpening.Pedersen p) {
      b.setMask(ByteString.copyFrom(p.mask().toBytes()));
    }
    return b.build();
  }

  private static CommitmentOpening opening(Opening o) {
    EcCurve curve = EcCurve.valueOf(o.getCurve());
    EcScalar value = EcScalar.fromBytes(curve, o.getValue().toByteArray());
    return o.hasMask()
        ? new CommitmentOpening.Pedersen(value, EcScalar.fromBytes(curve, o.getMask().toByteArray()))
        : new CommitmentOpening.Simple(value);
  }
}
