package dev.subnetsim.replica.chainkey.presig;

import static dev.subnetsim.replica.chainkey.presig.PresignatureInstances.builtRecord;
import static dev.subnetsim.replica.chainkey.presig.PresignatureInstances.dealingRecord;
import static dev.subnetsim.replica.chainkey.presig.PresignatureInstances.dealingsPrefix;
import static dev.subnetsim.replica.chainkey.presig.PresignatureInstances.instance;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdsa.EcdsaPresignature;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.chainkey.schnorr.SchnorrPresignature;
import dev.subnetsim.replica.chainkey.presig.PresignatureRecipe.Step;
import dev.subnetsim.replica.chainkey.presig.Presignatures.Built;
import dev.subnetsim.replica.state.ReplicatedState;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The IDKG transcripts of presignature instances: each transcript's parameters (once the
 * transcripts it is dealt from exist), building it from its recorded dealings at the collection
 * threshold, and assembling a ready instance's transcripts into an ECDSA or Schnorr presignature.
 * Builds are memoized by the dealings' digest.
 */
final class PresignatureTranscripts {
  private final String subnet;
  private final int n;
  private final int threshold;
  private final Map<EcCurve, SortedMap<Integer, EcPoint>> receiverKeys;
  /** Key transcripts by key id ({@code ecdsa/SECP256K1}, {@code schnorr/BIP340}, ...). */
  private final SortedMap<String, IdkgTranscript> keys;
  private final ContentMemo<Built> built = new ContentMemo<>();

  PresignatureTranscripts(String subnet, int n,
      Map<EcCurve, SortedMap<Integer, EcPoint>> receiverKeys, Map<String, IdkgTranscript> keys) {
    this.subnet = subnet;
    this.n = n;
    this.threshold = (n - 1) / 3 + 1;
    this.receiverKeys = receiverKeys;
    this.keys = new TreeMap<>(keys);
  }

  String transcriptId(String keyId, long instance, String transcript) {
    return subnet + "/presig/" + instance(keyId, instance) + "/" + transcript;
  }

  Optional<IdkgParams> params(ReplicatedState s, String keyId, long instance, String transcript) {
    Step step = PresignatureRecipe.of(keyId).step(transcript);
    IdkgTranscript key = keys.get(keyId);
    EcCurve curve = key.curve();
    List<IdkgTranscript> inputs = new ArrayList<>();
    for (String input : step.inputs()) {
      if (input.equals(Step.KEY)) {
        inputs.add(key);
      } else {
        Optional<Built> b = built(s, keyId, instance, input);
        if (b.isEmpty()) {
          return Optional.empty();
        }
        inputs.add(b.get().transcript());
      }
    }
    String id = transcriptId(keyId, instance, transcript);
    List<Integer> dealers = all();
    SortedMap<Integer, EcPoint> receivers = receiverKeys.get(curve);
    return Optional.of(switch (step.kind()) {
      case RANDOM_MASKED -> IdkgParams.random(id, curve, dealers, receivers, threshold, true);
      case RANDOM_UNMASKED -> IdkgParams.random(id, curve, dealers, receivers, threshold, false);
      case RESHARE -> IdkgParams.reshare(id, inputs.get(0), dealers, receivers, threshold);
      case PRODUCT -> IdkgParams.product(id, inputs.get(0), inputs.get(1), dealers, receivers,
          threshold);
    });
  }

  /**
   * Builds a transcript once its recorded dealings reach the collection threshold, recording the
   * dealers chosen and their dealings' digest; returns whether it was built now.
   */
  boolean buildIfReady(ReplicatedState s, String keyId, long instance, String transcript,
      IdkgParams p) {
    String prefix = dealingsPrefix(keyId, instance, transcript);
    SortedMap<String, byte[]> dealings = s.presignatureRecords().subMap(prefix,
        prefix + Character.MAX_VALUE);
    if (dealings.size() < p.collectionThreshold()) {
      return false;
    }
    Built b = build(p, new ArrayList<>(dealings.values()));
    List<Integer> dealers = b.built().dealers();
    s.putPresignatureRecord(builtRecord(keyId, instance, transcript),
        encodeBuilt(dealers, HexFormat.of().parseHex(b.digest())));
    return true;
  }

  Optional<Built> built(ReplicatedState s, String keyId, long instance, String transcript) {
    byte[] record = s.presignatureRecords().get(builtRecord(keyId, instance, transcript));
    if (record == null) {
      return Optional.empty();
    }
    List<Integer> dealers = builtDealers(record);
    byte[] digest = builtDigest(record);
    String memoKey = transcriptId(keyId, instance, transcript) + "#"
        + HexFormat.of().formatHex(digest);
    Built known = built.get(memoKey);
    if (known != null) {
      return Optional.of(known);
    }
    IdkgParams p = params(s, keyId, instance, transcript).orElseThrow();
    List<byte[]> raw = new ArrayList<>();
    for (int dealer : dealers) {
      raw.add(s.presignatureRecords().get(dealingRecord(keyId, instance, transcript, dealer)));
    }
    return Optional.of(build(p, raw));
  }

  /**
   * The transcript made of these verified dealings, memoized by their digest: every replica of
   * the subnet builds the same one from the same records, so only the first pays for it.
   */
  private Built build(IdkgParams p, List<byte[]> raw) {
    String digest = sha256(raw);
    String memoKey = p.transcriptId() + "#" + digest;
    Built known = built.get(memoKey);
    if (known != null) {
      return known;
    }
    List<IdkgDealing> dealings = new ArrayList<>();
    for (byte[] b : raw) {
      dealings.add(IdkgDealing.fromBytes(p.kind(), p.curve(), b));
    }
    Built result = new Built(p, IdkgTranscripts.create(p, dealings), digest);
    built.put(memoKey, result);
    return result;
  }

  EcdsaPresignature ecdsa(ReplicatedState s, EcCurve curve, long instance) {
    String keyId = "ecdsa/" + curve;
    return new EcdsaPresignature(transcriptId(keyId, instance, ""), transcript(s, keyId, instance,
        "kappa"), transcript(s, keyId, instance, "lambda"),
        transcript(s, keyId, instance, "kappa-lambda"),
        transcript(s, keyId, instance, "key-lambda"), keys.get(keyId));
  }

  SchnorrPresignature schnorr(ReplicatedState s, String keyId, long instance) {
    return new SchnorrPresignature(transcriptId(keyId, instance, ""),
        transcript(s, keyId, instance, "nonce"), keys.get(keyId));
  }

  private IdkgTranscript transcript(ReplicatedState s, String keyId, long instance, String name) {
    return built(s, keyId, instance, name).orElseThrow(() -> new IllegalStateException(
        "presignature " + instance(keyId, instance) + " has no " + name + " transcript"))
        .transcript();
  }

  private List<Integer> all() {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  /** SHA-256 over length-prefixed parts, hex: the digest dealings are memoized and recorded by. */
  static String sha256(List<byte[]> parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        d.update(new BigEndianWriter(4).u32(p.length).toBytes());
        d.update(p);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The built record: u32 dealer count, each dealer as u32, then the 32-byte dealings digest. */
  static byte[] encodeBuilt(List<Integer> dealers, byte[] digest) {
    BigEndianWriter w = new BigEndianWriter(4 + 4 * dealers.size() + 32);
    w.u32(dealers.size());
    dealers.forEach(w::u32);
    return w.raw(digest).toBytes();
  }

  /** @throws MalformedBytesException for a record {@link #encodeBuilt} did not write */
  static List<Integer> builtDealers(byte[] record) {
    return readBuilt(record, null);
  }

  /** @throws MalformedBytesException for a record {@link #encodeBuilt} did not write */
  static byte[] builtDigest(byte[] record) {
    byte[][] digest = new byte[1][];
    readBuilt(record, digest);
    return digest[0];
  }

  private static List<Integer> readBuilt(byte[] record, byte[][] digestOut) {
    BigEndianReader r = new BigEndianReader(record, "built-transcript record");
    int n = r.u32("dealer count");
    if (n > r.remaining() / 4) {
      throw new MalformedBytesException("built-transcript record: dealer count " + n
          + " overruns the record");
    }
    List<Integer> dealers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dealers.add(r.i32("dealer"));
    }
    byte[] digest = r.raw(32, "digest");
    r.finish();
    if (digestOut != null) {
      digestOut[0] = digest;
    }
    return dealers;
  }
}
