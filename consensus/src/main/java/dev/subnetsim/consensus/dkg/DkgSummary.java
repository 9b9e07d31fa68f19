package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The DKG part of a catch-up package: for every epoch from the CUP's on that a replica knows, the
 * transcripts of the beacon and certification sharings (with the coefficients they reshared;
 * absent for the genesis sharing), and the dealings the current epoch's finalized blocks have
 * included so far. A restarted replica checks each transcript publicly (valid dealings, same
 * public key as genesis) and decrypts its shares from it.
 *
 * <p>Encoding: {@code u32 epochs || (u64 epoch || 2 x (u8 present || [bytes transcript || bytes
 * source]))* || u32 items || (bytes item)*}.
 */
record DkgSummary(List<Entry> entries, List<DkgItem> items) {

  record Entry(long epoch, Transcript beacon, PublicCoefficients beaconSource,
      Transcript certification, PublicCoefficients certificationSource) {}

  static DkgSummary of(SubnetDkg dkg, long fromEpoch) {
    List<Entry> entries = new ArrayList<>();
    dkg.epochs().tailMap(fromEpoch, true).forEach((e, r) -> entries.add(new Entry(e, r.beacon(),
        r.beaconSource(), r.certification(), r.certificationSource())));
    List<DkgItem> items = new ArrayList<>();
    dkg.included().getOrDefault(fromEpoch + 2, new TreeMap<>()).values().forEach(items::add);
    return new DkgSummary(entries, items);
  }

  byte[] encode() {
    BigEndianWriter w = new BigEndianWriter().u32(entries.size());
    for (Entry e : entries) {
      w.u64(e.epoch());
      put(w, e.beacon(), e.beaconSource());
      put(w, e.certification(), e.certificationSource());
    }
    w.u32(items.size());
    items.forEach(i -> w.lengthPrefixed(i.encode()));
    return w.toBytes();
  }

  private static void put(BigEndianWriter w, Transcript t, PublicCoefficients source) {
    if (t == null) {
      w.u8(0);
    } else {
      w.u8(1).lengthPrefixed(t.toBytes()).lengthPrefixed(source.toBytes());
    }
  }

  /**
   * @throws MalformedBytesException if malformed
   */
  static DkgSummary decode(byte[] bytes) {
    try {
      BigEndianReader in = new BigEndianReader(bytes, "dkg summary");
      int n = in.i32("epochs");
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long epoch = in.i64("epoch");
        Transcript bt = null;
        PublicCoefficients bs = null;
        if (present(in)) {
          bt = Transcript.fromBytes(read(in));
          bs = PublicCoefficients.fromBytes(read(in));
        }
        Transcript ct = null;
        PublicCoefficients cs = null;
        if (present(in)) {
          ct = Transcript.fromBytes(read(in));
          cs = PublicCoefficients.fromBytes(read(in));
        }
        entries.add(new Entry(epoch, bt, bs, ct, cs));
      }
      int m = in.i32("items");
      List<DkgItem> items = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        items.add(DkgItem.decode(read(in)));
      }
      return new DkgSummary(entries, items);
    } catch (RuntimeException e) {
      throw new MalformedBytesException("malformed dkg summary: " + e.getMessage(), e);
    }
  }

  private static boolean present(BigEndianReader in) {
    int flag = (byte) in.u8("presence flag");
    if (flag != 0 && flag != 1) {
      throw new MalformedBytesException("presence flag " + flag + " (must be 0 or 1)");
    }
    return flag == 1;
  }

  private static byte[] read(BigEndianReader in) {
    int len = in.i32("length");
    if (len < 0 || len > in.remaining()) {
      throw new MalformedBytesException("length " + len + " out of range");
    }
    return in.raw(len, "bytes");
  }

  /** Installs the summary's epochs and items into a fresh replica's DKG state. */
  void restore(SubnetDkg dkg) {
    EpochKeys genesis = dkg.genesis();
    for (Entry e : entries) {
      check(dkg, e.epoch(), ThresholdKey.BEACON, e.beacon(), e.beaconSource(), genesis);
      check(dkg, e.epoch(), ThresholdKey.CERTIFICATION, e.certification(),
          e.certificationSource(), genesis);
      dkg.epochs().put(e.epoch(), dkg.restored(e));
    }
    for (DkgItem item : items) {
      dkg.included().computeIfAbsent(item.targetEpoch(), k -> new TreeMap<>())
          .putIfAbsent(item.slot(), item);
    }
  }

  private static void check(SubnetDkg dkg, long epoch, ThresholdKey key, Transcript t,
      PublicCoefficients source, EpochKeys genesis) {
    if (t == null) {
      return;
    }
    if (!source.publicKey().equals(genesis.coefficients(key).publicKey())) {
      throw new IllegalArgumentException("dkg summary: epoch " + epoch + " reshares another "
          + key + " key");
    }
    TranscriptBuilder.verify(dkg.configFor(epoch, key, source), t);
  }

}
