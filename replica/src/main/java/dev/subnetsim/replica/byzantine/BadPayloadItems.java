package dev.subnetsim.replica.byzantine;

import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Payload items of every type with bad contents, for an {@code arbitrary} block maker: each is
 * well framed enough to reach the check that must refuse it (a forged workload send time, an
 * ingress envelope with an over-long sender or no signature, a stream slice with a garbage witness,
 * chain-key shares for requests that do not exist, dealings from other dealers or for keys and
 * instances that do not exist, complaints and openings with garbage points, proofs and scalars),
 * or is plain garbage under a known or unknown item field.
 * Execution must refuse each and blame the block's maker.
 */
public final class BadPayloadItems {
  private static final String[] KEYS = {"ecdsa:secp256k1", "schnorr:bip340", "vetkd", "ecdh",
      "document", "nonexistent"};

  private BadPayloadItems() {}

  /** One bad item, drawn with {@code r}. */
  public static byte[] draw(RandomGenerator r) {
    return switch (r.nextInt(11)) {
      case 0 -> new PayloadItem.Workload(r.nextLong(), r.nextLong(), r.nextLong(0, 4), "increment",
          new byte[0]).encode();
      case 1 -> ingress(r);
      case 2 -> new PayloadItem.XNet(new XNetSlice(r.nextBoolean() ? "root" : "app",
          r.nextLong(0, 1000), random(r, 48), random(r, r.nextInt(0, 200)))).encode();
      case 3 -> {
        TreeMap<Integer, byte[]> shares = new TreeMap<>();
        int count = r.nextInt(0, 5);
        for (int i = 0; i < count; i++) {
          shares.put(r.nextInt(-2, 40), random(r, r.nextInt(0, 120)));
        }
        yield new PayloadItem.ChainKeyResponse(r.nextLong(0, 1 << 20), shares).encode();
      }
      case 4 -> new PayloadItem.ReshareDealing(r.nextInt(-1, 3), KEYS[r.nextInt(KEYS.length)],
          r.nextInt(-1, 40), random(r, r.nextInt(0, 300))).encode();
      case 5 -> new PayloadItem.PresignatureDealing(KEYS[r.nextInt(KEYS.length)],
          r.nextLong(-1, 100), r.nextBoolean() ? "kappa" : "lambda", r.nextInt(-1, 40),
          random(r, r.nextInt(0, 300))).encode();
      case 6 -> field(r, r.nextInt(1, 11));
      case 7 -> field(r, r.nextInt(11, 16));
      case 8 -> r.nextBoolean()
          ? new PayloadItem.ReshareComplaint(r.nextInt(-1, 3), KEYS[r.nextInt(KEYS.length)],
              r.nextInt(-1, 40), r.nextInt(-1, 40), random(r, r.nextInt(0, 70)),
              random(r, r.nextInt(0, 100))).encode()
          : new PayloadItem.ReshareOpening(r.nextInt(-1, 3), KEYS[r.nextInt(KEYS.length)],
              r.nextInt(-1, 40), r.nextInt(-1, 40), random(r, r.nextInt(0, 40))).encode();
      case 9 -> r.nextBoolean()
          ? new PayloadItem.PresignatureComplaint(KEYS[r.nextInt(KEYS.length)],
              r.nextLong(-1, 100), r.nextBoolean() ? "kappa" : "lambda", r.nextInt(-1, 40),
              r.nextInt(-1, 40), random(r, r.nextInt(0, 70)), random(r, r.nextInt(0, 100)))
              .encode()
          : new PayloadItem.PresignatureOpening(KEYS[r.nextInt(KEYS.length)],
              r.nextLong(-1, 100), r.nextBoolean() ? "kappa" : "lambda", r.nextInt(-1, 40),
              r.nextInt(-1, 40), random(r, r.nextInt(0, 40)), random(r, r.nextInt(0, 40)))
              .encode();
      default -> random(r, r.nextInt(0, 64));
    };
  }

  /**
   * Garbage as the body of protobuf field {@code number} of the item (1-10 name the item types,
   * higher numbers none), so the item's own decoder is reached.
   */
  private static byte[] field(RandomGenerator r, int number) {
    byte[] body = random(r, r.nextInt(0, 100));
    return ByteBuffer.allocate(2 + body.length).put((byte) (number << 3 | 2))
        .put((byte) body.length).put(body).array();
  }

  /** An update-call envelope whose sender is over-long, with a missing or garbage signature. */
  private static byte[] ingress(RandomGenerator r) {
    Map<String, CborValue> content = new LinkedHashMap<>();
    content.put("arg", new CborValue.Bytes(random(r, 8)));
    content.put("canister_id", new CborValue.Bytes(random(r, 10)));
    content.put("ingress_expiry", new CborValue.UInt(r.nextLong(0, Long.MAX_VALUE)));
    content.put("method_name", new CborValue.Text("increment"));
    content.put("request_type", new CborValue.Text("call"));
    content.put("sender", new CborValue.Bytes(random(r, r.nextInt(0, 64))));
    Map<String, CborValue> envelope = new LinkedHashMap<>();
    envelope.put("content", new CborValue.MapValue(content));
    if (r.nextBoolean()) {
      envelope.put("sender_pubkey", new CborValue.Bytes(random(r, 44)));
      envelope.put("sender_sig", new CborValue.Bytes(random(r, 64)));
    }
    return PayloadItem.ingressOf(CborWriter.encode(CborValue.selfDescribed(
        new CborValue.MapValue(envelope))));
  }

  private static byte[] random(RandomGenerator r, int length) {
    byte[] b = new byte[length];
    r.nextBytes(b);
    return b;
  }
}
