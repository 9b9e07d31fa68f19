package dev.subnetsim.replica.byzantine;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.CanisterRange;
import dev.subnetsim.chainkey.certification.CanisterRanges;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.query.RootDelegation;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Typed relabelling of the replica-level messages an {@code arbitrary} node sends: an honest
 * message moved to another request id or signer (chain-key shares), another reshare, key or dealer
 * (resharing dealings), another key, instance or transcript (presignature dealings), or another
 * height (stream slices), another canister, request id or expiry (ingress), a later height (a
 * catch-up response's package) or another subnet or canister ranges (a root delegation). The
 * content stays the honest one and signatures are kept (none of these is the node's to sign), so
 * only a check that binds the content to its label can refuse it. Consensus artifacts, DKG items
 * and CUP shares included, are relabelled typed in {@code consensus.byzantine}.
 */
final class Relabelling {
  private static final String[] KEY_IDS = {"ecdsa:secp256k1", "ecdsa:secp256r1", "schnorr:bip340",
      "schnorr:ed25519", "vetkd", "ecdh", "document"};
  private static final String[] TRANSCRIPTS = {"kappa", "lambda", "kappa-unmasked", "key-times-lambda",
      "kappa-times-lambda", "nonce"};

  private static final long MINUTE_NANOS = 60_000_000_000L;
  /** Above every canister id: the longest principal, all ones. */
  private static final Principal TOP_PRINCIPAL = Principal.fromBytes(filled(Principal.MAX_LENGTH));

  private Relabelling() {}

  private static byte[] filled(int length) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) 0xff);
    return b;
  }

  /** The message relabelled, or empty if this kind has no typed relabelling or does not decode. */
  static Optional<byte[]> of(MessageKind kind, byte[] payload, RandomGenerator r) {
    try {
      return switch (kind) {
        case CHAINKEY_SHARE -> {
          ChainKeyShareMessage m = ChainKeyShareMessage.decode(payload);
          yield Optional.of((r.nextBoolean()
              ? new ChainKeyShareMessage(m.requestId() + r.nextLong(-3, 4), m.signer(), m.share())
              : new ChainKeyShareMessage(m.requestId(), r.nextInt(0, 64), m.share())).encode());
        }
        case RESHARE_DEALING, PRESIGNATURE_DEALING, XNET_SLICE ->
            Optional.of(relabel(PayloadItem.decode(payload), r).encode());
        case INGRESS -> Optional.of(relabelIngress(PayloadItem.decode(payload), r)
            .encode());
        case CUP_RESPONSE -> Optional.of(MessageCodec.encode(relabelCup(
            (CatchUpResponse) MessageCodec.decode(payload), r)));
        case DELEGATION -> Optional.of(relabelDelegation(Certificate.decode(payload), r)
            .encode());
        // A delegation request has no label (its payload is empty); consensus artifacts, DKG
        // items and CUP shares included, are relabelled typed by the consensus node's lies.
        default -> Optional.empty();
      };
    } catch (RuntimeException e) {
      return Optional.empty(); // not the honest format: nothing typed to relabel
    }
  }

  private static PayloadItem relabel(PayloadItem item, RandomGenerator r) {
    if (item instanceof PayloadItem.ReshareDealing d) {
      return switch (r.nextInt(3)) {
        case 0 -> new PayloadItem.ReshareDealing(d.reshare() + 1, d.keyId(), d.dealer(), d.dealing());
        case 1 -> new PayloadItem.ReshareDealing(d.reshare(), KEY_IDS[r.nextInt(KEY_IDS.length)],
            d.dealer(), d.dealing());
        default -> new PayloadItem.ReshareDealing(d.reshare(), d.keyId(), r.nextInt(0, 64),
            d.dealing());
      };
    } else if (item instanceof PayloadItem.PresignatureDealing d) {
      return switch (r.nextInt(3)) {
        case 0 -> new PayloadItem.PresignatureDealing(d.keyId(), d.instance() + r.nextLong(-2, 3),
            d.transcript(), d.dealer(), d.dealing());
        case 1 -> new PayloadItem.PresignatureDealing(KEY_IDS[r.nextInt(KEY_IDS.length)],
            d.instance(), d.transcript(), d.dealer(), d.dealing());
        default -> new PayloadItem.PresignatureDealing(d.keyId(), d.instance(),
            TRANSCRIPTS[r.nextInt(TRANSCRIPTS.length)], d.dealer(), d.dealing());
      };
    } else if (item instanceof PayloadItem.XNet x) {
      XNetSlice s = x.slice();
      long height = r.nextBoolean() ? s.height() + r.nextLong(-3, 4) : s.height() + (1L << 40);
      return new PayloadItem.XNet(new XNetSlice(s.source(), height, s.signature(), s.witness()));
    }
    return item;
  }

  /**
   * Ingress under another canister, request id (load sequence or call nonce) or time (load send
   * time or call expiry); the client's signature is kept: the node cannot sign in its name.
   */
  private static PayloadItem relabelIngress(PayloadItem item, RandomGenerator r) {
    if (item instanceof PayloadItem.Workload w) {
      return switch (r.nextInt(3)) {
        case 0 -> new PayloadItem.Workload(w.sequence(), w.sentAtNanos(), w.target() + 1,
            w.method(), w.arg(), w.signature());
        case 1 -> new PayloadItem.Workload(w.sequence() + r.nextLong(1, 1_000), w.sentAtNanos(),
            w.target(), w.method(), w.arg(), w.signature());
        default -> new PayloadItem.Workload(w.sequence(), w.sentAtNanos() + r.nextLong(1,
            MINUTE_NANOS) * (r.nextBoolean() ? 1 : -1), w.target(), w.method(), w.arg(),
            w.signature());
      };
    } else if (item instanceof PayloadItem.Ingress i) {
      IngressMessage m = i.signed().message();
      byte[] canister = m.canisterId();
      byte[] nonce = m.nonce();
      long expiry = m.ingressExpiryNanos();
      switch (r.nextInt(3)) {
        case 0 -> {
          canister = canister.length == 0 ? new byte[] {1} : canister.clone();
          canister[canister.length - 1]++;
        }
        case 1 -> {
          nonce = new byte[8];
          r.nextBytes(nonce);
        }
        default -> expiry += r.nextBoolean() ? MINUTE_NANOS : 1L << 62;
      }
      IngressMessage lie = new IngressMessage(m.sender(), canister, m.methodName(), m.arg(),
          expiry, nonce, m.requestType());
      return new PayloadItem.Ingress(new SignedIngress(lie, i.signed().senderPublicKeyDer(),
          i.signed().signature()));
    }
    return item;
  }

  /** The catch-up package moved to a later height (a later epoch), its signature kept. */
  private static CatchUpResponse relabelCup(CatchUpResponse c, RandomGenerator r) {
    CatchUpPackage p = c.cup();
    long height = p.height() + (r.nextBoolean() ? r.nextLong(1, 100) : 1L << 40);
    CatchUpPackage lie = new CatchUpPackage(height, p.blockHash(), p.beaconSignature(),
        p.stateRoot(), p.certification(), p.dkgSummary(), p.signature());
    return new CatchUpResponse(lie, c.state(), c.blocks(), c.finalizations(), c.beacons());
  }

  /**
   * The delegation for another subnet (its id in the tree changed) or other canister ranges (one
   * range from the first start to the top of the id space); the root subnet's signature is kept.
   */
  private static Certificate relabelDelegation(Certificate c, RandomGenerator r) {
    HashTree tree = r.nextBoolean() ? otherSubnet(c.tree()) : widerRanges(c.tree());
    return new Certificate(tree, c.signature(), c.delegation());
  }

  private static HashTree otherSubnet(HashTree t) {
    if (t instanceof HashTree.Fork f) {
      return HashTree.fork(otherSubnet(f.left()), otherSubnet(f.right()));
    } else if (t instanceof HashTree.Labeled l && l.label().equals(Bytes.of(utf8("subnet")))) {
      return HashTree.labeled(l.label(), renamed(l.subtree()));
    }
    return t;
  }

  /** Each subnet id label under "subnet" with its last byte changed. */
  private static HashTree renamed(HashTree t) {
    if (t instanceof HashTree.Fork f) {
      return HashTree.fork(renamed(f.left()), renamed(f.right()));
    } else if (t instanceof HashTree.Labeled l) {
      byte[] id = l.label().isEmpty() ? new byte[] {0} : l.label().toArray();
      id[id.length - 1] ^= 1;
      return HashTree.labeled(id, l.subtree());
    }
    return t;
  }

  private static HashTree widerRanges(HashTree t) {
    if (t instanceof HashTree.Fork f) {
      return HashTree.fork(widerRanges(f.left()), widerRanges(f.right()));
    } else if (t instanceof HashTree.Labeled l) {
      if (l.label().equals(Bytes.of(utf8("canister_ranges")))
          && l.subtree() instanceof HashTree.Leaf leaf) {
        List<CanisterRange> ranges = CanisterRanges.decode(leaf.value().toArray());
        Principal start = ranges.isEmpty() ? Principal.managementCanister() : ranges.get(0).start();
        return HashTree.labeled(l.label(), HashTree.leaf(CanisterRanges.encode(
            List.of(new CanisterRange(start, TOP_PRINCIPAL)))));
      }
      return HashTree.labeled(l.label(), widerRanges(l.subtree()));
    }
    return t;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
