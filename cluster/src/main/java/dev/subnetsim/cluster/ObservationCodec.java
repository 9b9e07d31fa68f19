package dev.subnetsim.cluster;

import com.google.protobuf.ByteString;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.cluster.proto.ArtifactRejected;
import dev.subnetsim.cluster.proto.ChainKeyCompleted;
import dev.subnetsim.cluster.proto.CombinedSignature;
import dev.subnetsim.cluster.proto.Finalized;
import dev.subnetsim.cluster.proto.IngressCompleted;
import dev.subnetsim.cluster.proto.Metric;
import dev.subnetsim.cluster.proto.QueryAnswered;
import dev.subnetsim.cluster.proto.StateCertified;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;

/**
 * {@link Observation}s to and from {@code cluster.proto}: one case per record of the sealed family
 * (the switch over it has no default, so a new kind of observation does not compile until it has a
 * wire form). Nullable fields of a record are protobuf {@code optional}s.
 */
final class ObservationCodec {
  private ObservationCodec() {}

  static dev.subnetsim.cluster.proto.Observation encode(Observation o) {
    var b = dev.subnetsim.cluster.proto.Observation.newBuilder();
    if (o instanceof Observation.Finalized f) {
      b.setFinalized(Finalized.newBuilder().setSubnet(f.subnet().name()).setHeight(f.height())
          .setBlockHash(bytes(f.blockHash())));
    } else if (o instanceof Observation.StateCertified c) {
      b.setStateCertified(StateCertified.newBuilder().setSubnet(c.subnet().name())
          .setHeight(c.height()).setRootHash(bytes(c.rootHash())));
    } else if (o instanceof Observation.ArtifactRejected r) {
      b.setArtifactRejected(ArtifactRejected.newBuilder().setFrom(r.from().value())
          .setReason(r.reason()));
    } else if (o instanceof Observation.Metric m) {
      b.setMetric(Metric.newBuilder().setName(m.name()).setValue(m.value()));
    } else if (o instanceof Observation.CombinedSignature c) {
      b.setCombinedSignature(CombinedSignature.newBuilder().setSubnet(c.subnet().name())
          .setKind(c.kind()).setHeight(c.height()).setPublicKey(bytes(c.publicKey()))
          .setMessage(bytes(c.message())).setSignature(bytes(c.signature())));
    } else if (o instanceof Observation.ChainKeyCompleted c) {
      var k = ChainKeyCompleted.newBuilder().setHeight(c.height()).setRequestId(c.requestId())
          .setCallerCanister(bytes(c.callerCanister())).setArg(bytes(c.arg()))
          .setReply(bytes(c.reply())).setQueuedAtNanos(c.queuedAtNanos())
          .setAnsweredAtNanos(c.answeredAtNanos());
      if (c.subnet() != null) {
        k.setSubnet(c.subnet().name());
      }
      if (c.method() != null) {
        k.setMethod(c.method());
      }
      b.setChainKeyCompleted(k);
    } else if (o instanceof Observation.IngressCompleted c) {
      var k = IngressCompleted.newBuilder().setHeight(c.height())
          .setRequestId(bytes(c.requestId())).setReplied(c.replied()).setReply(bytes(c.reply()))
          .setRejectCode(c.rejectCode());
      if (c.subnet() != null) {
        k.setSubnet(c.subnet().name());
      }
      if (c.rejectMessage() != null) {
        k.setRejectMessage(c.rejectMessage());
      }
      b.setIngressCompleted(k);
    } else if (o instanceof Observation.QueryAnswered q) {
      b.setQueryAnswered(QueryAnswered.newBuilder().setSubnet(q.subnet().name())
          .setHeight(q.height()).setRequestId(bytes(q.requestId())).setReplied(q.replied())
          .setReply(bytes(q.reply())).setRejectMessage(q.rejectMessage())
          .setCertificate(bytes(q.certificate())));
    } else {
      throw new IllegalArgumentException("no wire form for observation "
          + o.getClass().getName());
    }
    return b.build();
  }

  static Observation decode(dev.subnetsim.cluster.proto.Observation o) {
    return switch (o.getObservationCase()) {
      case FINALIZED -> {
        var f = o.getFinalized();
        yield new Observation.Finalized(new SubnetId(f.getSubnet()), f.getHeight(),
            bytes(f.getBlockHash()));
      }
      case STATE_CERTIFIED -> {
        var c = o.getStateCertified();
        yield new Observation.StateCertified(new SubnetId(c.getSubnet()), c.getHeight(),
            bytes(c.getRootHash()));
      }
      case ARTIFACT_REJECTED -> new Observation.ArtifactRejected(
          ClusterCodec.node(o.getArtifactRejected().getFrom()),
          o.getArtifactRejected().getReason());
      case METRIC -> new Observation.Metric(o.getMetric().getName(), o.getMetric().getValue());
      case COMBINED_SIGNATURE -> {
        var c = o.getCombinedSignature();
        yield new Observation.CombinedSignature(new SubnetId(c.getSubnet()), c.getKind(),
            c.getHeight(), bytes(c.getPublicKey()), bytes(c.getMessage()),
            bytes(c.getSignature()));
      }
      case CHAIN_KEY_COMPLETED -> {
        var c = o.getChainKeyCompleted();
        yield new Observation.ChainKeyCompleted(
            c.hasSubnet() ? new SubnetId(c.getSubnet()) : null, c.getHeight(), c.getRequestId(),
            c.hasMethod() ? c.getMethod() : null, bytes(c.getCallerCanister()),
            bytes(c.getArg()), bytes(c.getReply()), c.getQueuedAtNanos(),
            c.getAnsweredAtNanos());
      }
      case INGRESS_COMPLETED -> {
        var c = o.getIngressCompleted();
        yield new Observation.IngressCompleted(
            c.hasSubnet() ? new SubnetId(c.getSubnet()) : null, c.getHeight(),
            bytes(c.getRequestId()), c.getReplied(), bytes(c.getReply()), c.getRejectCode(),
            c.hasRejectMessage() ? c.getRejectMessage() : null);
      }
      case QUERY_ANSWERED -> {
        var q = o.getQueryAnswered();
        yield new Observation.QueryAnswered(new SubnetId(q.getSubnet()), q.getHeight(),
            bytes(q.getRequestId()), q.getReplied(), bytes(q.getReply()), q.getRejectMessage(),
            bytes(q.getCertificate()));
      }
      case OBSERVATION_NOT_SET -> throw new IllegalArgumentException("observation without a kind");
    };
  }

  private static ByteString bytes(Bytes b) {
    return ByteString.copyFrom(b.toArray());
  }

  private static Bytes bytes(ByteString b) {
    return Bytes.of(b.toByteArray());
  }
}
