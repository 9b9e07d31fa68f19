package dev.subnetsim.consensus.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.wire.proto.ConsensusMessage.KindCase;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of consensus messages: the protobuf messages of
 * {@code src/main/proto/dev/subnetsim/consensus/v1/consensus.proto}, mapped to and from the
 * artifact records here (generated classes never leave this package). Decoding checks what
 * protobuf cannot: a kind is set, hashes are 32 bytes, signatures and shares 48 bytes, heights and
 * indices in range; unknown fields are ignored (protobuf's forward compatibility).
 */
public final class MessageCodec {
  private static final int HASH = 32;
  private static final int SIGNATURE = 48;

  private MessageCodec() {}

  public static byte[] encode(ConsensusMessage m) {
    return toProto(m).toByteArray();
  }

  /**
   * Decodes a message.
   *
   * @throws MalformedMessageException naming the message kind and field at fault
   */
  public static ConsensusMessage decode(byte[] bytes) {
    dev.subnetsim.consensus.wire.proto.ConsensusMessage p;
    try {
      p = dev.subnetsim.consensus.wire.proto.ConsensusMessage.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedMessageException("not a ConsensusMessage protobuf: " + e.getMessage());
    }
    return fromProto(p);
  }

  // --- records -> protobuf -----------------------------------------------------------------------

  private static dev.subnetsim.consensus.wire.proto.ConsensusMessage toProto(ConsensusMessage m) {
    var b = dev.subnetsim.consensus.wire.proto.ConsensusMessage.newBuilder();
    if (m instanceof BlockProposal p) {
      b.setBlockProposal(proposal(p));
    } else if (m instanceof BeaconShare s) {
      b.setBeaconShare(dev.subnetsim.consensus.wire.proto.BeaconShare.newBuilder()
          .setHeight(s.height()).setSigner(s.signer()).setShare(bs(s.share())));
    } else if (m instanceof Beacon x) {
      b.setBeacon(beacon(x));
    } else if (m instanceof NotarizationShare s) {
      b.setNotarizationShare(dev.subnetsim.consensus.wire.proto.NotarizationShare.newBuilder()
          .setHeight(s.height()).setBlockHash(bs(s.blockHash())).setSigner(s.signer())
          .setSignature(bs(s.signature())).setVote(bs(s.vote())));
    } else if (m instanceof Notarization n) {
      b.setNotarization(dev.subnetsim.consensus.wire.proto.Notarization.newBuilder()
          .setHeight(n.height()).setBlockHash(bs(n.blockHash())).addAllSigners(n.signers())
          .setSignature(bs(n.signature())));
    } else if (m instanceof FinalizationShare s) {
      b.setFinalizationShare(dev.subnetsim.consensus.wire.proto.FinalizationShare.newBuilder()
          .setHeight(s.height()).setBlockHash(bs(s.blockHash())).setSigner(s.signer())
          .setSignature(bs(s.signature())));
    } else if (m instanceof Finalization f) {
      b.setFinalization(finalization(f));
    } else if (m instanceof CertificationShare s) {
      b.setCertificationShare(dev.subnetsim.consensus.wire.proto.CertificationShare.newBuilder()
          .setHeight(s.height()).setStateRoot(bs(s.stateRoot())).setSigner(s.signer())
          .setShare(bs(s.share())));
    } else if (m instanceof Certification c) {
      b.setCertification(dev.subnetsim.consensus.wire.proto.Certification.newBuilder()
          .setHeight(c.height()).setStateRoot(bs(c.stateRoot())).setSignature(bs(c.signature())));
    } else if (m instanceof EquivocationProof e) {
      b.setEquivocationProof(dev.subnetsim.consensus.wire.proto.EquivocationProof.newBuilder()
          .setFirst(proposal(e.first())).setSecond(proposal(e.second())));
    } else if (m instanceof CupShare s) {
      b.setCupShare(dev.subnetsim.consensus.wire.proto.CupShare.newBuilder()
          .setHeight(s.height()).setContentHash(bs(s.contentHash())).setSigner(s.signer())
          .setShare(bs(s.share())));
    } else if (m instanceof DkgItemMessage d) {
      b.setDkgItem(dev.subnetsim.consensus.wire.proto.DkgItem.newBuilder().setHeight(d.height())
          .setItem(bs(d.item())));
    } else if (m instanceof CatchUpRequest r) {
      b.setCatchUpRequest(dev.subnetsim.consensus.wire.proto.CatchUpRequest.newBuilder()
          .setHeight(r.height()));
    } else if (m instanceof CatchUpResponse r) {
      CatchUpPackage c = r.cup();
      var resp = dev.subnetsim.consensus.wire.proto.CatchUpResponse.newBuilder()
          .setCup(dev.subnetsim.consensus.wire.proto.CatchUpPackage.newBuilder()
              .setHeight(c.height()).setBlockHash(bs(c.blockHash()))
              .setBeaconSignature(bs(c.beaconSignature())).setStateRoot(bs(c.stateRoot()))
              .setCertification(bs(c.certification())).setDkgSummary(bs(c.dkgSummary()))
              .setSignature(bs(c.signature())))
          .setState(bs(r.state()));
      r.blocks().forEach(x -> resp.addBlocks(block(x)));
      r.finalizations().forEach(x -> resp.addFinalizations(finalization(x)));
      r.beacons().forEach(x -> resp.addBeacons(beacon(x)));
      b.setCatchUpResponse(resp);
    } else {
      throw new IllegalArgumentException("no wire form for " + m.kind());
    }
    return b.build();
  }

  private static dev.subnetsim.consensus.wire.proto.BlockProposal proposal(BlockProposal p) {
    return dev.subnetsim.consensus.wire.proto.BlockProposal.newBuilder().setBlock(block(p.block()))
        .setSignature(bs(p.signature())).build();
  }

  private static dev.subnetsim.consensus.wire.proto.Block block(Block x) {
    var b = dev.subnetsim.consensus.wire.proto.Block.newBuilder().setHeight(x.height())
        .setParentHash(bs(x.parentHash())).setRank(x.rank()).setProposer(x.proposer())
        .setTimeNanos(x.timeNanos());
    x.ingress().forEach(i -> b.addPayload(bs(i)));
    x.dkg().forEach(i -> b.addDkg(bs(i)));
    return b.setDkgSummary(bs(x.dkgSummary())).build();
  }

  private static dev.subnetsim.consensus.wire.proto.Beacon beacon(Beacon x) {
    return dev.subnetsim.consensus.wire.proto.Beacon.newBuilder().setHeight(x.height())
        .setSignature(bs(x.signature())).build();
  }

  private static dev.subnetsim.consensus.wire.proto.Finalization finalization(Finalization f) {
    return dev.subnetsim.consensus.wire.proto.Finalization.newBuilder().setHeight(f.height())
        .setBlockHash(bs(f.blockHash())).addAllSigners(f.signers()).setSignature(bs(f.signature()))
        .build();
  }

  private static ByteString bs(byte[] b) {
    return ByteString.copyFrom(b);
  }

  // --- protobuf -> records -----------------------------------------------------------------------

  private static ConsensusMessage fromProto(dev.subnetsim.consensus.wire.proto.ConsensusMessage p) {
    KindCase kind = p.getKindCase();
    Check c = new Check(kind.name().toLowerCase());
    return switch (kind) {
      case BLOCK_PROPOSAL -> proposal(c, p.getBlockProposal());
      case BEACON_SHARE -> new BeaconShare(c.height(p.getBeaconShare().getHeight()),
          c.index("signer", p.getBeaconShare().getSigner()),
          c.bytes("share", p.getBeaconShare().getShare(), SIGNATURE));
      case BEACON -> beacon(c, p.getBeacon());
      case NOTARIZATION_SHARE -> {
        var s = p.getNotarizationShare();
        yield new NotarizationShare(c.height(s.getHeight()), c.bytes("block_hash", s.getBlockHash(), HASH),
            c.index("signer", s.getSigner()), c.bytes("signature", s.getSignature(), SIGNATURE),
            s.getVote().isEmpty() ? new byte[0] : c.bytes("vote", s.getVote(), SIGNATURE));
      }
      case NOTARIZATION -> {
        var n = p.getNotarization();
        yield new Notarization(c.height(n.getHeight()), c.bytes("block_hash", n.getBlockHash(), HASH),
            c.indices(n.getSignersList()), c.bytes("signature", n.getSignature(), SIGNATURE));
      }
      case FINALIZATION_SHARE -> {
        var s = p.getFinalizationShare();
        yield new FinalizationShare(c.height(s.getHeight()), c.bytes("block_hash", s.getBlockHash(), HASH),
            c.index("signer", s.getSigner()), c.bytes("signature", s.getSignature(), SIGNATURE));
      }
      case FINALIZATION -> finalization(c, p.getFinalization());
      case CERTIFICATION_SHARE -> {
        var s = p.getCertificationShare();
        yield new CertificationShare(c.height(s.getHeight()), c.bytes("state_root", s.getStateRoot(), HASH),
            c.index("signer", s.getSigner()), c.bytes("share", s.getShare(), SIGNATURE));
      }
      case CERTIFICATION -> {
        var s = p.getCertification();
        yield new Certification(c.height(s.getHeight()), c.bytes("state_root", s.getStateRoot(), HASH),
            c.bytes("signature", s.getSignature(), SIGNATURE));
      }
      case EQUIVOCATION_PROOF -> {
        var e = p.getEquivocationProof();
        if (!e.hasFirst() || !e.hasSecond()) {
          throw c.error("an equivocation proof holds two block proposals");
        }
        yield new EquivocationProof(proposal(c, e.getFirst()), proposal(c, e.getSecond()));
      }
      case CUP_SHARE -> {
        var s = p.getCupShare();
        yield new CupShare(c.height(s.getHeight()), c.bytes("content_hash", s.getContentHash(), HASH),
            c.index("signer", s.getSigner()), c.bytes("share", s.getShare(), SIGNATURE));
      }
      case DKG_ITEM -> new DkgItemMessage(c.height(p.getDkgItem().getHeight()),
          p.getDkgItem().getItem().toByteArray());
      case CATCH_UP_REQUEST -> new CatchUpRequest(c.height(p.getCatchUpRequest().getHeight()));
      case CATCH_UP_RESPONSE -> {
        var r = p.getCatchUpResponse();
        if (!r.hasCup()) {
          throw c.error("missing field cup");
        }
        var u = r.getCup();
        // The genesis CUP's beacon is a 32-byte hash; it has no certification and no signature.
        CatchUpPackage cup = new CatchUpPackage(c.height(u.getHeight()),
            c.bytes("cup.block_hash", u.getBlockHash(), HASH),
            u.getBeaconSignature().size() == HASH ? u.getBeaconSignature().toByteArray()
                : c.bytes("cup.beacon_signature", u.getBeaconSignature(), SIGNATURE),
            c.bytes("cup.state_root", u.getStateRoot(), HASH),
            c.bytesOrEmpty("cup.certification", u.getCertification(), SIGNATURE),
            u.getDkgSummary().toByteArray(),
            c.bytesOrEmpty("cup.signature", u.getSignature(), SIGNATURE));
        List<Block> blocks = new ArrayList<>();
        r.getBlocksList().forEach(b -> blocks.add(block(c, b)));
        List<Finalization> fins = new ArrayList<>();
        r.getFinalizationsList().forEach(f -> fins.add(finalization(c, f)));
        List<Beacon> beacons = new ArrayList<>();
        r.getBeaconsList().forEach(b -> beacons.add(beacon(c, b)));
        yield new CatchUpResponse(cup, r.getState().toByteArray(), blocks, fins, beacons);
      }
      case KIND_NOT_SET -> throw new MalformedMessageException(
          "ConsensusMessage: no kind set (empty message or unknown kind)");
    };
  }

  private static BlockProposal proposal(Check c, dev.subnetsim.consensus.wire.proto.BlockProposal p) {
    if (!p.hasBlock()) {
      throw c.error("missing field block");
    }
    return new BlockProposal(block(c, p.getBlock()), c.bytes("signature", p.getSignature(), SIGNATURE));
  }

  private static Block block(Check c, dev.subnetsim.consensus.wire.proto.Block b) {
    List<byte[]> payload = new ArrayList<>();
    b.getPayloadList().forEach(x -> payload.add(x.toByteArray()));
    List<byte[]> dkg = new ArrayList<>();
    b.getDkgList().forEach(x -> dkg.add(x.toByteArray()));
    long time = b.getTimeNanos();
    if (time < 0) {
      throw c.error("block.time_nanos out of range");
    }
    return new Block(c.height(b.getHeight()), c.bytes("block.parent_hash", b.getParentHash(), HASH),
        c.index("block.rank", b.getRank()), c.index("block.proposer", b.getProposer()), time, payload,
        dkg, b.getDkgSummary().toByteArray());
  }

  private static Beacon beacon(Check c, dev.subnetsim.consensus.wire.proto.Beacon b) {
    return new Beacon(c.height(b.getHeight()), c.bytes("signature", b.getSignature(), SIGNATURE));
  }

  private static Finalization finalization(Check c, dev.subnetsim.consensus.wire.proto.Finalization f) {
    return new Finalization(c.height(f.getHeight()), c.bytes("block_hash", f.getBlockHash(), HASH),
        c.indices(f.getSignersList()), c.bytes("signature", f.getSignature(), SIGNATURE));
  }

  /** Field checks with errors that name the message kind and the field. */
  private record Check(String kind) {
    MalformedMessageException error(String what) {
      return new MalformedMessageException(kind + ": " + what);
    }

    long height(long h) {
      if (h < 0) {
        throw error("height out of range");
      }
      return h;
    }

    int index(String field, int i) {
      if (i < 0 || i > 100_000) {
        throw error(field + " " + Integer.toUnsignedString(i) + " out of range");
      }
      return i;
    }

    List<Integer> indices(List<Integer> raw) {
      List<Integer> out = new ArrayList<>();
      for (int i : raw) {
        out.add(index("signers", i));
      }
      return out;
    }

    byte[] bytes(String field, ByteString b, int length) {
      if (b.size() != length) {
        throw error(field + " must be " + length + " bytes, got " + b.size());
      }
      return b.toByteArray();
    }

    byte[] bytesOrEmpty(String field, ByteString b, int length) {
      return b.isEmpty() ? new byte[0] : bytes(field, b, length);
    }
  }
}
