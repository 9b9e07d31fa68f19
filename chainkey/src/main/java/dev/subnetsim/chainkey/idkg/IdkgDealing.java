package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.InvalidEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A dealer's contribution to one IDKG instance: the commitment to its sharing polynomial (Feldman
 * or Pedersen by kind), the ephemeral key E of its share encryption, per receiver the encrypted
 * (value, mask) scalars ({@link ShareCipher}), and the proof its kind needs.
 *
 * <p>Bytes: u32 len || transcript id || u32 dealer || u8 masked || u32 t || t points || point E ||
 * u32 receivers || (u32 index || 32 B value || 32 B mask)* || u32 len || proof.
 */
public record IdkgDealing(String transcriptId, int dealer, PolynomialCommitment commitment,
    EcPoint ephemeral, SortedMap<Integer, EcScalar[]> ciphertexts, Optional<DealingProof> proof) {

  /** The longest transcript id a dealing may name (ids are short paths like "presig/kappa/7"). */
  public static final int MAX_ID_BYTES = 1024;

  public IdkgDealing {
    TreeMap<Integer, EcScalar[]> copy = new TreeMap<>();
    ciphertexts.forEach((k, v) -> copy.put(k, v.clone()));
    ciphertexts = Collections.unmodifiableSortedMap(copy);
  }

  public byte[] toBytes() {
    BigEndianWriter out = new BigEndianWriter();
    out.lengthPrefixed(transcriptId.getBytes(StandardCharsets.UTF_8)).u32(dealer)
        .u8(commitment instanceof PolynomialCommitment.Pedersen ? 1 : 0)
        .u32(commitment.points().size());
    commitment.points().forEach(p -> out.raw(p.encode()));
    out.raw(ephemeral.encode()).u32(ciphertexts.size());
    ciphertexts.forEach((i, c) -> out.u32(i).raw(c[0].toBytes()).raw(c[1].toBytes()));
    return out.lengthPrefixed(proof.map(DealingProof::toBytes).orElse(new byte[0])).toBytes();
  }

  /**
   * Decodes {@link #toBytes} for an instance of {@code kind} on {@code curve}.
   *
   * @throws MalformedIdkgBytesException naming the first defect (length, point, scalar)
   */
  public static IdkgDealing fromBytes(TranscriptKind kind, EcCurve curve, byte[] bytes) {
    BigEndianReader b = new BigEndianReader(bytes, "dealing");
    try {
      int idLength = b.i32("transcript id length");
      if (idLength > MAX_ID_BYTES) {
        throw new MalformedIdkgBytesException("transcript id of " + idLength + " bytes exceeds "
            + MAX_ID_BYTES);
      }
      String id = new String(take(b, idLength, "transcript id"), StandardCharsets.UTF_8);
      int dealer = b.i32("dealer");
      int maskedFlag = (byte) b.u8("masked");
      if (maskedFlag != 0 && maskedFlag != 1) {
        throw new MalformedIdkgBytesException("dealing commitment flag " + maskedFlag
            + " (must be 0 or 1)");
      }
      boolean masked = maskedFlag == 1;
      if (masked != kind.masked()) {
        throw new MalformedIdkgBytesException("dealing commitment type does not match " + kind);
      }
      int t = b.i32("coefficients");
      if (t < 1 || t > 1024) {
        throw new MalformedIdkgBytesException("dealing with " + t + " coefficients");
      }
      List<EcPoint> points = new ArrayList<>();
      for (int k = 0; k < t; k++) {
        points.add(point(curve, take(b, curve.pointLength(), "commitment point")));
      }
      EcPoint e = point(curve, take(b, curve.pointLength(), "ephemeral key"));
      int n = b.i32("receivers");
      if (n < 0 || n > 4096) {
        throw new MalformedIdkgBytesException("dealing for " + n + " receivers");
      }
      TreeMap<Integer, EcScalar[]> cts = new TreeMap<>();
      for (int k = 0; k < n; k++) {
        int i = b.i32("receiver");
        EcScalar[] ct = {scalar(curve, take(b, 32, "ciphertext")),
            scalar(curve, take(b, 32, "ciphertext"))};
        // One ciphertext per receiver: a repeat would silently replace the first.
        if (cts.put(i, ct) != null) {
          throw new MalformedIdkgBytesException("dealing repeats receiver " + i);
        }
      }
      byte[] pr = take(b, b.i32("proof length"), "proof");
      if (b.remaining() > 0) {
        throw new MalformedIdkgBytesException("trailing bytes after dealing");
      }
      PolynomialCommitment c = masked ? new PolynomialCommitment.Pedersen(points)
          : new PolynomialCommitment.Simple(points);
      return new IdkgDealing(id, dealer, c, e, cts, proof(kind, curve, pr));
    } catch (MalformedIdkgBytesException e) {
      throw e; // already names its defect
    } catch (MalformedBytesException e) {
      // Only a fixed-width field can run out here: take() checks every length first.
      throw new MalformedIdkgBytesException("truncated dealing");
    }
  }

  private static byte[] take(BigEndianReader b, int n, String what) {
    if (n < 0 || n > b.remaining()) {
      throw new MalformedIdkgBytesException(what + " of " + n + " bytes overruns the dealing");
    }
    return b.raw(n, what);
  }

  private static Optional<DealingProof> proof(TranscriptKind kind, EcCurve curve, byte[] pr) {
    try {
      return DealingProof.fromBytes(kind, curve, pr);
    } catch (InvalidEncodingException e) {
      throw new MalformedIdkgBytesException("bad scalar in dealing proof: " + e.getMessage());
    }
  }

  private static EcPoint point(EcCurve curve, byte[] enc) {
    try {
      return EcPoint.decode(curve, enc);
    } catch (RuntimeException e) {
      throw new MalformedIdkgBytesException("bad point in dealing: " + e.getMessage());
    }
  }

  private static EcScalar scalar(EcCurve curve, byte[] enc) {
    try {
      return EcScalar.fromBytes(curve, enc);
    } catch (RuntimeException e) {
      throw new MalformedIdkgBytesException("bad scalar in dealing: " + e.getMessage());
    }
  }
}
