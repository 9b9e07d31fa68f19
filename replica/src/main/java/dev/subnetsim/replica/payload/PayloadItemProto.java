package dev.subnetsim.replica.payload;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.subnetsim.replica.payload.proto.ChainKeyShare;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * {@link PayloadItem}s to and from the protobuf messages of {@code payload.proto}; the generated
 * classes stay in this package. Decoding checks what protobuf cannot: an item is set, names are at
 * most {@link PayloadItem#MAX_NAME_BYTES}, a chain-key response has at most
 * {@link PayloadItem.ChainKeyResponse#MAX_SHARES} distinct signers, and the bytes are the
 * canonical protobuf encoding (re-encoding the decoded item gives them back).
 */
final class PayloadItemProto {
  private PayloadItemProto() {}

  static byte[] encode(PayloadItem.Workload w) {
    return item().setWorkload(dev.subnetsim.replica.payload.proto.Workload.newBuilder()
        .setSequence(w.sequence()).setSentAtNanos(w.sentAtNanos()).setTarget(w.target())
        .setMethod(w.method()).setArg(bytes(w.arg())).setSignature(bytes(w.signature())))
        .build().toByteArray();
  }

  static byte[] encode(PayloadItem.Ingress i) {
    return ingressOf(IngressEnvelope.encode(i.signed()));
  }

  static byte[] ingressOf(byte[] envelopeCbor) {
    return item().setIngress(bytes(envelopeCbor)).build().toByteArray();
  }

  static byte[] encode(PayloadItem.XNet x) {
    XNetSlice s = x.slice();
    return item().setXnet(dev.subnetsim.replica.payload.proto.XNetSlice.newBuilder()
        .setSource(s.source()).setHeight(s.height()).setSignature(bytes(s.signature()))
        .setWitness(bytes(s.witness()))).build().toByteArray();
  }

  static byte[] encode(PayloadItem.ChainKeyResponse r) {
    var b = dev.subnetsim.replica.payload.proto.ChainKeyResponse.newBuilder()
        .setRequestId(r.requestId());
    r.shares().forEach((signer, share) -> b.addShares(ChainKeyShare.newBuilder()
        .setSigner(signer).setShare(bytes(share))));
    return item().setChainKeyResponse(b).build().toByteArray();
  }

  static byte[] encode(PayloadItem.ReshareDealing d) {
    return item().setReshareDealing(dev.subnetsim.replica.payload.proto.ReshareDealing.newBuilder()
        .setReshare(d.reshare()).setKeyId(d.keyId()).setDealer(d.dealer())
        .setDealing(bytes(d.dealing()))).build().toByteArray();
  }

  static byte[] encode(PayloadItem.PresignatureDealing d) {
    return item().setPresignatureDealing(
        dev.subnetsim.replica.payload.proto.PresignatureDealing.newBuilder().setKeyId(d.keyId())
            .setInstance(d.instance()).setTranscript(d.transcript()).setDealer(d.dealer())
            .setDealing(bytes(d.dealing()))).build().toByteArray();
  }

  static byte[] encode(PayloadItem.ReshareComplaint c) {
    return item().setReshareComplaint(
        dev.subnetsim.replica.payload.proto.ReshareComplaint.newBuilder().setReshare(c.reshare())
            .setKeyId(c.keyId()).setDealer(c.dealer()).setComplainer(c.complainer())
            .setDh(bytes(c.dh())).setProof(bytes(c.proof()))).build().toByteArray();
  }

  static byte[] encode(PayloadItem.ReshareOpening o) {
    return item().setReshareOpening(
        dev.subnetsim.replica.payload.proto.ReshareOpening.newBuilder().setReshare(o.reshare())
            .setKeyId(o.keyId()).setDealer(o.dealer()).setOpener(o.opener())
            .setValue(bytes(o.value()))).build().toByteArray();
  }

  static byte[] encode(PayloadItem.PresignatureComplaint c) {
    return item().setPresignatureComplaint(
        dev.subnetsim.replica.payload.proto.PresignatureComplaint.newBuilder().setKeyId(c.keyId())
            .setInstance(c.instance()).setTranscript(c.transcript()).setDealer(c.dealer())
            .setComplainer(c.complainer()).setDh(bytes(c.dh())).setProof(bytes(c.proof())))
        .build().toByteArray();
  }

  static byte[] encode(PayloadItem.PresignatureOpening o) {
    return item().setPresignatureOpening(
        dev.subnetsim.replica.payload.proto.PresignatureOpening.newBuilder().setKeyId(o.keyId())
            .setInstance(o.instance()).setTranscript(o.transcript()).setDealer(o.dealer())
            .setOpener(o.opener()).setValue(bytes(o.value())).setMask(bytes(o.mask())))
        .build().toByteArray();
  }

  static PayloadItem decode(byte[] bytes) {
    dev.subnetsim.replica.payload.proto.PayloadItem p;
    try {
      p = dev.subnetsim.replica.payload.proto.PayloadItem.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedPayloadItemException("not a PayloadItem protobuf: " + e.getMessage());
    }
    PayloadItem item = switch (p.getItemCase()) {
      case WORKLOAD -> {
        var w = p.getWorkload();
        yield new PayloadItem.Workload(w.getSequence(), w.getSentAtNanos(), w.getTarget(),
            name(w.getMethod(), "method"), w.getArg().toByteArray(),
            w.getSignature().toByteArray());
      }
      case INGRESS -> new PayloadItem.Ingress(IngressEnvelope.decode(p.getIngress().toByteArray()));
      case XNET -> {
        var x = p.getXnet();
        yield new PayloadItem.XNet(new XNetSlice(name(x.getSource(), "source"), x.getHeight(),
            x.getSignature().toByteArray(), x.getWitness().toByteArray()));
      }
      case CHAIN_KEY_RESPONSE -> {
        var r = p.getChainKeyResponse();
        if (r.getSharesCount() > PayloadItem.ChainKeyResponse.MAX_SHARES) {
          throw new MalformedPayloadItemException("chain-key response with "
              + r.getSharesCount() + " shares");
        }
        TreeMap<Integer, byte[]> shares = new TreeMap<>();
        for (ChainKeyShare s : r.getSharesList()) {
          if (shares.put(s.getSigner(), s.getShare().toByteArray()) != null) {
            throw new MalformedPayloadItemException("chain-key response repeats signer "
                + s.getSigner());
          }
        }
        yield new PayloadItem.ChainKeyResponse(r.getRequestId(), shares);
      }
      case RESHARE_DEALING -> {
        var d = p.getReshareDealing();
        yield new PayloadItem.ReshareDealing(d.getReshare(), name(d.getKeyId(), "key id"),
            d.getDealer(), d.getDealing().toByteArray());
      }
      case PRESIGNATURE_DEALING -> {
        var d = p.getPresignatureDealing();
        yield new PayloadItem.PresignatureDealing(name(d.getKeyId(), "key id"), d.getInstance(),
            name(d.getTranscript(), "transcript"), d.getDealer(), d.getDealing().toByteArray());
      }
      case RESHARE_COMPLAINT -> {
        var c = p.getReshareComplaint();
        yield new PayloadItem.ReshareComplaint(c.getReshare(), name(c.getKeyId(), "key id"),
            c.getDealer(), c.getComplainer(), crypto(c.getDh(), "dh"),
            crypto(c.getProof(), "proof"));
      }
      case RESHARE_OPENING -> {
        var o = p.getReshareOpening();
        yield new PayloadItem.ReshareOpening(o.getReshare(), name(o.getKeyId(), "key id"),
            o.getDealer(), o.getOpener(), crypto(o.getValue(), "value"));
      }
      case PRESIGNATURE_COMPLAINT -> {
        var c = p.getPresignatureComplaint();
        yield new PayloadItem.PresignatureComplaint(name(c.getKeyId(), "key id"),
            c.getInstance(), name(c.getTranscript(), "transcript"), c.getDealer(),
            c.getComplainer(), crypto(c.getDh(), "dh"), crypto(c.getProof(), "proof"));
      }
      case PRESIGNATURE_OPENING -> {
        var o = p.getPresignatureOpening();
        yield new PayloadItem.PresignatureOpening(name(o.getKeyId(), "key id"), o.getInstance(),
            name(o.getTranscript(), "transcript"), o.getDealer(), o.getOpener(),
            crypto(o.getValue(), "value"), crypto(o.getMask(), "mask"));
      }
      case ITEM_NOT_SET -> throw new MalformedPayloadItemException(
          "payload item sets no item (empty, or an unknown kind)");
    };
    // The CBOR inside an ingress item is the client's and kept as sent (its request id is
    // representation-independent); the protobuf around it, like every other item, is canonical.
    byte[] canonical = item instanceof PayloadItem.Ingress
        ? ingressOf(p.getIngress().toByteArray()) : item.encode();
    if (!Arrays.equals(canonical, bytes)) {
      throw new MalformedPayloadItemException("a " + item.getClass().getSimpleName()
          + " payload item not in its canonical encoding");
    }
    return item;
  }

  private static dev.subnetsim.replica.payload.proto.PayloadItem.Builder item() {
    return dev.subnetsim.replica.payload.proto.PayloadItem.newBuilder();
  }

  private static ByteString bytes(byte[] b) {
    return ByteString.copyFrom(b);
  }

  /** A point, proof or scalar field, at most {@link PayloadItem#MAX_CRYPTO_FIELD_BYTES}. */
  private static byte[] crypto(ByteString value, String what) {
    if (value.size() > PayloadItem.MAX_CRYPTO_FIELD_BYTES) {
      throw new MalformedPayloadItemException(what + " of " + value.size() + " bytes exceeds "
          + PayloadItem.MAX_CRYPTO_FIELD_BYTES);
    }
    return value.toByteArray();
  }

  /** A name field, at most {@link PayloadItem#MAX_NAME_BYTES} in UTF-8. */
  private static String name(String value, String what) {
    int n = value.getBytes(StandardCharsets.UTF_8).length;
    if (n > PayloadItem.MAX_NAME_BYTES) {
      throw new MalformedPayloadItemException(what + " of " + n + " bytes exceeds "
          + PayloadItem.MAX_NAME_BYTES);
    }
    return value;
  }
}
