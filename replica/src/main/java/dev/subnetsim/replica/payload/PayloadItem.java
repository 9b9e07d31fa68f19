package dev.subnetsim.replica.payload;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.ingress.SignedIngress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One item of a block payload. The IC keeps separate payload sections (ingress, xnet, IDKG, vetKD);
 * here consensus carries opaque items and the replica's execution gives them meaning, so consensus
 * stays independent of execution. The bytes are the protobuf {@code PayloadItem} of
 * {@code src/main/proto/dev/subnetsim/replica/v1/payload.proto}, whose {@code oneof} says which
 * item it is:
 * <ul>
 *   <li>{@link Workload}: a synthetic load message (sequence, send time) that increments the load
 *       canister's counter; its latency is measured.</li>
 *   <li>{@link Ingress}: a signed update call in the interface spec's CBOR envelope.</li>
 *   <li>{@link XNet}: a certified stream slice from another subnet (the IC's XNet payload), checked
 *       against the source subnet's key before its messages are inducted.</li>
 *   <li>{@link ChainKeyResponse}: at least a threshold of verified shares for one pending chain-key
 *       request; execution re-verifies them and combines them into the reply (deterministically),
 *       the analogue of the IC's IDKG/vetKD payload sections.</li>
 *   <li>{@link ReshareDealing}: one source-subnet node's dealing of one key for a scheduled
 *       reshare; execution verifies it and collects it (the IC's IDKG payload).</li>
 *   <li>{@link PresignatureDealing}: one signing-subnet node's dealing for one transcript of a
 *       presignature being made in the background; execution verifies and records it, and builds
 *       the transcript at its collection threshold.</li>
 *   <li>{@link ReshareComplaint}, {@link ReshareOpening}: on a reshare's target, a receiver's
 *       complaint about an installed dealing whose share for it does not decrypt, and a peer's
 *       opening of a dealing so complained about; execution verifies and records them.</li>
 *   <li>{@link PresignatureComplaint}, {@link PresignatureOpening}: the same for a dealing of a
 *       presignature transcript.</li>
 * </ul>
 * Only the canonical encoding decodes (the one {@link #encode} writes), since an item's bytes are
 * its identity in the pools and are hashed into the block.
 */
public sealed interface PayloadItem {

  byte[] encode();

  /**
   * A load message from the scenario's workload: an update call of {@code method} on {@code
   * target}, signed by the world's load client ({@link dev.subnetsim.replica.payload.LoadClient})
   * over its {@link #signedBytes()}, so no replica can forge load or its send time. Replicas admit
   * and execute only load whose signature verifies.
   */
  record Workload(long sequence, long sentAtNanos, long target, String method, byte[] arg,
      byte[] signature) implements PayloadItem {
    public Workload {
      arg = arg.clone();
      signature = signature.clone();
    }

    /** An unsigned load message (to be signed by the load client). */
    public Workload(long sequence, long sentAtNanos, long target, String method, byte[] arg) {
      this(sequence, sentAtNanos, target, method, arg, new byte[0]);
    }

    /** The default load: increment the load canister's counter (unsigned). */
    public static Workload counter(long sequence, long sentAtNanos) {
      return new Workload(sequence, sentAtNanos, 0, "increment", new byte[0]);
    }

    /** This message with {@code sig} as its signature. */
    public Workload signedWith(byte[] sig) {
      return new Workload(sequence, sentAtNanos, target, method, arg, sig);
    }

    /**
     * What the load client signs: every field but the signature, big-endian and length-prefixed
     * ({@code 'W' || u64 sequence || u64 sent_at || u64 target || bytes method || bytes arg}).
     */
    public byte[] signedBytes() {
      byte[] m = method.getBytes(StandardCharsets.UTF_8);
      return new BigEndianWriter(1 + 24 + 4 + m.length + 4 + arg.length).u8('W').u64(sequence)
          .u64(sentAtNanos).u64(target).lengthPrefixed(m).lengthPrefixed(arg).toBytes();
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  record Ingress(SignedIngress signed) implements PayloadItem {
    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** A certified stream slice from another subnet ({@link dev.subnetsim.replica.xnet.XNetSlice}). */
  record XNet(dev.subnetsim.replica.xnet.XNetSlice slice) implements PayloadItem {
    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** Shares by signer index (sorted), each in its scheme's wire form. */
  record ChainKeyResponse(long requestId, SortedMap<Integer, byte[]> shares) implements PayloadItem {
    /** The most shares a response may carry (far above any subnet's threshold). */
    public static final int MAX_SHARES = 1024;

    public ChainKeyResponse {
      TreeMap<Integer, byte[]> copy = new TreeMap<>();
      shares.forEach((k, v) -> copy.put(k, v.clone()));
      shares = Collections.unmodifiableSortedMap(copy);
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** Dealer {@code dealer}'s dealing of {@code keyId} for reshare number {@code reshare}. */
  record ReshareDealing(int reshare, String keyId, int dealer, byte[] dealing)
      implements PayloadItem {
    public ReshareDealing {
      dealing = dealing.clone();
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** Dealer {@code dealer}'s dealing for transcript {@code transcript} of presignature
   * {@code instance} of {@code keyId}. */
  record PresignatureDealing(String keyId, long instance, String transcript, int dealer,
      byte[] dealing) implements PayloadItem {
    public PresignatureDealing {
      dealing = dealing.clone();
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /**
   * Receiver {@code complainer}'s complaint against source dealer {@code dealer}'s installed
   * dealing of {@code keyId} from reshare {@code reshare}: its DH value (an encoded point) and the
   * DLEQ proof ({@link dev.subnetsim.chainkey.idkg.IdkgComplaint}).
   */
  record ReshareComplaint(int reshare, String keyId, int dealer, int complainer, byte[] dh,
      byte[] proof) implements PayloadItem {
    public ReshareComplaint {
      dh = dh.clone();
      proof = proof.clone();
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** Receiver {@code opener}'s opening (a big-endian scalar) of a complained dealing. */
  record ReshareOpening(int reshare, String keyId, int dealer, int opener, byte[] value)
      implements PayloadItem {
    public ReshareOpening {
      value = value.clone();
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** Complaint of {@code complainer} about a dealing of a presignature transcript. */
  record PresignatureComplaint(String keyId, long instance, String transcript, int dealer,
      int complainer, byte[] dh, byte[] proof) implements PayloadItem {
    public PresignatureComplaint {
      dh = dh.clone();
      proof = proof.clone();
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** Opening by {@code opener} of a complained presignature dealing (mask empty if unmasked). */
  record PresignatureOpening(String keyId, long instance, String transcript, int dealer,
      int opener, byte[] value, byte[] mask) implements PayloadItem {
    public PresignatureOpening {
      value = value.clone();
      mask = mask.clone();
    }

    public byte[] encode() {
      return PayloadItemProto.encode(this);
    }
  }

  /** The most bytes a point, proof or scalar field of a complaint or opening may have. */
  int MAX_CRYPTO_FIELD_BYTES = 256;

  /**
   * An ingress item around envelope bytes exactly as a client sent them, unchecked (what a relay
   * or a Byzantine block maker can put in a block; {@link #decode} judges the envelope).
   */
  static byte[] ingressOf(byte[] envelopeCbor) {
    return PayloadItemProto.ingressOf(envelopeCbor);
  }

  /**
   * Decodes an item.
   *
   * @throws MalformedPayloadItemException if the bytes are not the canonical encoding of an item
   */
  static PayloadItem decode(byte[] bytes) {
    return PayloadItemProto.decode(bytes);
  }

  /** The most bytes a name field (method, subnet, key id, transcript) of an item may have. */
  int MAX_NAME_BYTES = 1024;
}
