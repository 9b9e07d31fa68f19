package dev.subnetsim.replica.payload;

import dev.subnetsim.replica.ingress.SignedIngress;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One item of a block payload. The IC keeps separate payload sections (ingress, xnet, IDKG, vetKD);
 * here consensus carries opaque items and the replica's execution gives them meaning, so consensus
 * stays independent of execution. A one-byte tag says which item it is:
 * <ul>
 *   <li>{@code 'W'} {@link Workload}: a synthetic load message (sequence, send time) that
 *       increments the load canister's counter; its latency is measured.</li>
 *   <li>{@code 'I'} {@link Ingress}: a signed update call in the interface spec's CBOR envelope.</li>
 *   <li>{@code 'X'} {@link XNet}: a certified stream slice from another subnet (the IC's XNet
 *       payload), checked against the source subnet's key before its messages are inducted.</li>
 *   <li>{@code 'K'} {@link ChainKeyResponse}: at least a threshold of verified shares for one
 *       pending chain-key request; execution re-verifies them and combines them into the reply
 *       (deterministically), the analogue of the IC's IDKG/vetKD payload sections.</li>
 *   <li>{@code 'R'} {@link ReshareDealing}: one source-subnet node's dealing of one key for a
 *       scheduled reshare; execution verifies it and collects it (the IC's IDKG payload).</li>
 *   <li>{@code 'P'} {@link PresignatureDealing}: one signing-subnet node's dealing for one
 *       transcript of a presignature being made in the background; execution verifies and
 *       records it, and builds the transcript at its collection threshold.</li>
 * </ul>
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

    /** What the load client signs: every field but the signature. */
    public byte[] signedBytes() {
      byte[] m = method.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return ByteBuffer.allocate(1 + 24 + 4 + m.length + 4 + arg.length).put((byte) 'W')
          .putLong(sequence).putLong(sentAtNanos).putLong(target).putInt(m.length).put(m)
          .putInt(arg.length).put(arg).array();
    }

    public byte[] encode() {
      byte[] body = signedBytes();
      return ByteBuffer.allocate(body.length + 4 + signature.length).put(body)
          .putInt(signature.length).put(signature).array();
    }
  }

  record Ingress(SignedIngress signed) implements PayloadItem {
    public byte[] encode() {
      byte[] body = IngressEnvelope.encode(signed);
      return ByteBuffer.allocate(1 + body.length).put((byte) 'I').put(body).array();
    }
  }

  /** A certified stream slice from another subnet ({@link dev.subnetsim.replica.xnet.XNetSlice}). */
  record XNet(dev.subnetsim.replica.xnet.XNetSlice slice) implements PayloadItem {
    public byte[] encode() {
      byte[] source = slice.source().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return ByteBuffer.allocate(1 + 4 + source.length + 8 + 4 + slice.signature().length
              + slice.witness().length).put((byte) 'X').putInt(source.length).put(source)
          .putLong(slice.height()).putInt(slice.signature().length).put(slice.signature())
          .put(slice.witness()).array();
    }
  }

  /** Shares by signer index (sorted), each in its scheme's wire form. */
  record ChainKeyResponse(long requestId, SortedMap<Integer, byte[]> shares) implements PayloadItem {
    public ChainKeyResponse {
      TreeMap<Integer, byte[]> copy = new TreeMap<>();
      shares.forEach((k, v) -> copy.put(k, v.clone()));
      shares = Collections.unmodifiableSortedMap(copy);
    }

    public byte[] encode() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write('K');
      out.writeBytes(ByteBuffer.allocate(12).putLong(requestId).putInt(shares.size()).array());
      shares.forEach((signer, share) -> {
        out.writeBytes(ByteBuffer.allocate(8).putInt(signer).putInt(share.length).array());
        out.writeBytes(share);
      });
      return out.toByteArray();
    }
  }

  /** Dealer {@code dealer}'s dealing of {@code keyId} for reshare number {@code reshare}. */
  record ReshareDealing(int reshare, String keyId, int dealer, byte[] dealing)
      implements PayloadItem {
    public ReshareDealing {
      dealing = dealing.clone();
    }

    public byte[] encode() {
      byte[] k = keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return ByteBuffer.allocate(1 + 4 + 4 + k.length + 4 + 4 + dealing.length).put((byte) 'R')
          .putInt(reshare).putInt(k.length).put(k).putInt(dealer).putInt(dealing.length)
          .put(dealing).array();
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
      byte[] k = keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] t = transcript.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return ByteBuffer.allocate(1 + 4 + k.length + 8 + 4 + t.length + 4 + 4 + dealing.length)
          .put((byte) 'P').putInt(k.length).put(k).putLong(instance).putInt(t.length).put(t)
          .putInt(dealer).putInt(dealing.length).put(dealing).array();
    }
  }

  /**
   * Decodes an item.
   *
   * @throws MalformedPayloadItemException on an unknown tag or a truncated or inconsistent body
   */
  static PayloadItem decode(byte[] bytes) {
    if (bytes.length == 0) {
      throw new MalformedPayloadItemException("empty payload item");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    try {
      return switch (bytes[0]) {
        case 'W' -> {
          long seq = b.getLong();
          long sent = b.getLong();
          long target = b.getLong();
          byte[] m = name(b, "method");
          byte[] arg = field(b, "arg");
          byte[] signature = field(b, "signature");
          if (b.hasRemaining()) {
            throw new MalformedPayloadItemException("trailing bytes after workload item");
          }
          yield new Workload(seq, sent, target, new String(m, java.nio.charset.StandardCharsets.UTF_8), arg,
              signature);
        }
        case 'I' -> {
          byte[] body = new byte[bytes.length - 1];
          b.get(body);
          yield new Ingress(IngressEnvelope.decode(body));
        }
        case 'K' -> {
          long id = b.getLong();
          int n = b.getInt();
          if (n < 0 || n > 1024) {
            throw new MalformedPayloadItemException("chain-key response with " + n + " shares");
          }
          TreeMap<Integer, byte[]> shares = new TreeMap<>();
          for (int i = 0; i < n; i++) {
            int signer = b.getInt();
            int len = b.getInt();
            if (len < 0 || len > b.remaining()) {
              throw new MalformedPayloadItemException("chain-key share of " + signer + " overruns the item");
            }
            byte[] share = new byte[len];
            b.get(share);
            if (shares.put(signer, share) != null) {
              throw new MalformedPayloadItemException("chain-key response repeats signer " + signer);
            }
          }
          if (b.hasRemaining()) {
            throw new MalformedPayloadItemException("trailing bytes after chain-key response");
          }
          yield new ChainKeyResponse(id, shares);
        }
        case 'X' -> {
          String source = new String(name(b, "source"), java.nio.charset.StandardCharsets.UTF_8);
          long height = b.getLong();
          byte[] signature = field(b, "signature");
          byte[] witness = new byte[b.remaining()];
          b.get(witness);
          yield new XNet(new dev.subnetsim.replica.xnet.XNetSlice(source, height, signature, witness));
        }
        case 'R' -> {
          int reshare = b.getInt();
          String keyId = new String(name(b, "key id"), java.nio.charset.StandardCharsets.UTF_8);
          int dealer = b.getInt();
          byte[] dealing = field(b, "dealing");
          if (b.hasRemaining()) {
            throw new MalformedPayloadItemException("trailing bytes after resharing dealing");
          }
          yield new ReshareDealing(reshare, keyId, dealer, dealing);
        }
        case 'P' -> {
          String keyId = new String(name(b, "key id"), java.nio.charset.StandardCharsets.UTF_8);
          long instance = b.getLong();
          String transcript = new String(name(b, "transcript"),
              java.nio.charset.StandardCharsets.UTF_8);
          int dealer = b.getInt();
          byte[] dealing = field(b, "dealing");
          if (b.hasRemaining()) {
            throw new MalformedPayloadItemException("trailing bytes after presignature dealing");
          }
          yield new PresignatureDealing(keyId, instance, transcript, dealer, dealing);
        }
        default -> throw new MalformedPayloadItemException(
            "unknown payload item tag 0x" + Integer.toHexString(bytes[0] & 0xff));
      };
    } catch (java.nio.BufferUnderflowException e) {
      throw new MalformedPayloadItemException("truncated payload item with tag '" + (char) bytes[0] + "'");
    }
  }

  /** The most bytes a name field (method, subnet, key id, transcript) of an item may have. */
  int MAX_NAME_BYTES = 1024;

  /** A length-prefixed field, bounded by the bytes left in the item. */
  private static byte[] field(ByteBuffer b, String what) {
    int len = b.getInt();
    if (len < 0 || len > b.remaining()) {
      throw new MalformedPayloadItemException(what + " of " + Integer.toUnsignedString(len)
          + " bytes overruns the item");
    }
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }

  /** A name field: as {@link #field}, and at most {@link #MAX_NAME_BYTES}. */
  private static byte[] name(ByteBuffer b, String what) {
    byte[] out = field(b, what);
    if (out.length > MAX_NAME_BYTES) {
      throw new MalformedPayloadItemException(what + " of " + out.length + " bytes exceeds "
          + MAX_NAME_BYTES);
    }
    return out;
  }
}
