package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The replicated-state side of key resharing, run by block execution (deterministic, the same on
 * every replica). On a source subnet: each dealing in a block is verified and recorded once per
 * dealer; when every key of a reshare has its collection threshold of dealings, the lowest-index
 * ones go to the target subnet in its certified stream ({@link StreamMessage.KeysReshared}) and
 * the reshare is marked sent. On a target subnet: the inducted message is checked against the
 * schedule and its dealings recorded as the installed keys, which {@link InstalledChainKeys} turns
 * into the subnet's key material. On a subnet that generates its keys ({@link KeyGeneration}): the
 * dealings numbered {@link KeyGeneration#INSTANCE} are verified and recorded once per dealer, and
 * when every key has its collection threshold the lowest-index ones are recorded as the installed
 * keys, as a reshare target's are.
 */
public final class ReshareLedger {
  static final String INSTALLED_PREFIX = "installed/";
  static final String INSTALLED_RESHARE = "installed#reshare";

  private final String subnet;
  private final ReshareContext context;
  private final InstalledComplaints complaints;

  /** The ledger of a subnet that is no reshare target (complaints and openings are refused). */
  public ReshareLedger(String subnet, ReshareContext context) {
    this(subnet, context, null);
  }

  /** @param complaints judges complaints about the keys installed here (null off a target) */
  public ReshareLedger(String subnet, ReshareContext context, InstalledComplaints complaints) {
    this.subnet = subnet;
    this.context = context;
    this.complaints = complaints;
  }

  /** Executes a complaint about an installed dealing; returns a rejection reason. */
  public Optional<String> onComplaint(ReplicatedState state, PayloadItem.ReshareComplaint c) {
    return complaints == null ? Optional.of("resharing complaint on " + subnet
        + ", which receives no reshare") : complaints.onComplaint(state, c);
  }

  /** Executes an opening of a complained dealing; returns a rejection reason. */
  public Optional<String> onOpening(ReplicatedState state, PayloadItem.ReshareOpening o) {
    return complaints == null ? Optional.of("resharing opening on " + subnet
        + ", which receives no reshare") : complaints.onOpening(state, o);
  }

  public ReshareContext context() {
    return context;
  }

  static String dealingRecord(int reshare, String keyId, int dealer) {
    return "reshare/" + reshare + "/" + keyId + "/" + String.format("%06d", dealer);
  }

  static String sentRecord(int reshare) {
    return "reshare/" + reshare + "#sent";
  }

  public static boolean sent(ReplicatedState state, int reshare) {
    return state.keyRecords().containsKey(sentRecord(reshare));
  }

  public static boolean recorded(ReplicatedState state, PayloadItem.ReshareDealing d) {
    return state.keyRecords().containsKey(dealingRecord(d.reshare(), d.keyId(), d.dealer()));
  }

  /**
   * Executes a dealing item; returns why it was rejected (it is attributed to the block's maker,
   * who should not have included it), or empty.
   */
  public Optional<String> onDealing(ReplicatedState state, PayloadItem.ReshareDealing item) {
    if (item.reshare() == KeyGeneration.INSTANCE) {
      return onGenerationDealing(state, item);
    }
    Optional<Reshare> r = context.schedule().get(item.reshare());
    if (r.isEmpty() || !r.get().source().equals(subnet)) {
      return Optional.of("resharing dealing for reshare " + item.reshare()
          + ", which this subnet does not deal");
    }
    if (sent(state, item.reshare()) || recorded(state, item)) {
      return Optional.empty(); // late or repeated: already complete or collected
    }
    if (state.timeNanos() < r.get().atNanos()) {
      return Optional.of("resharing dealing before reshare " + item.reshare() + " started");
    }
    Optional<String> invalid = context.check(r.get(), item.keyId(), item.dealer(), item.dealing());
    if (invalid.isPresent()) {
      return invalid;
    }
    state.keyRecords().put(dealingRecord(item.reshare(), item.keyId(), item.dealer()),
        item.dealing());
    completeIfReady(state, r.get());
    return Optional.empty();
  }

  /**
   * A dealing of this subnet's key generation: verified and recorded once per dealer; when every
   * key has its collection threshold, the lowest-index dealings become the installed keys.
   */
  private Optional<String> onGenerationDealing(ReplicatedState state,
      PayloadItem.ReshareDealing item) {
    Optional<KeyGeneration> g = context.keyGeneration(subnet);
    if (g.isEmpty()) {
      return Optional.of("key-generation dealing on " + subnet + ", which generates no keys");
    }
    if (sent(state, KeyGeneration.INSTANCE) || recorded(state, item)) {
      return Optional.empty(); // late or repeated: already complete or collected
    }
    Optional<String> invalid = g.get().check(item.keyId(), item.dealer(), item.dealing());
    if (invalid.isPresent()) {
      return invalid;
    }
    state.keyRecords().put(dealingRecord(KeyGeneration.INSTANCE, item.keyId(), item.dealer()),
        item.dealing());
    TreeMap<String, List<byte[]>> chosen = new TreeMap<>();
    for (String keyId : KeyGeneration.keyIds()) {
      String prefix = "reshare/" + KeyGeneration.INSTANCE + "/" + keyId + "/";
      List<byte[]> dealings = new ArrayList<>(
          state.keyRecords().subMap(prefix, prefix + Character.MAX_VALUE).values());
      int needed = g.get().collectionThreshold(keyId);
      if (dealings.size() < needed) {
        return Optional.empty();
      }
      chosen.put(keyId, dealings.subList(0, needed));
    }
    install(state, KeyGeneration.INSTANCE, chosen);
    state.keyRecords().put(sentRecord(KeyGeneration.INSTANCE),
        ReplicatedState.be64(state.height()));
    return Optional.empty();
  }

  private void completeIfReady(ReplicatedState state, Reshare r) {
    TreeMap<String, List<byte[]>> chosen = new TreeMap<>();
    for (String keyId : r.keyIds()) {
      String prefix = "reshare/" + r.index() + "/" + keyId + "/";
      List<byte[]> dealings = new ArrayList<>(
          state.keyRecords().subMap(prefix, prefix + Character.MAX_VALUE).values());
      int needed = context.collectionThreshold(r, keyId);
      if (dealings.size() < needed) {
        return;
      }
      chosen.put(keyId, dealings.subList(0, needed));
    }
    state.appendToStream(r.target(), new StreamMessage.KeysReshared(r.index(), chosen).encode());
    state.keyRecords().put(sentRecord(r.index()), ReplicatedState.be64(state.height()));
  }

  /** Executes an inducted reshare message from {@code source}; returns a rejection reason. */
  public Optional<String> onKeysReshared(ReplicatedState state, String source,
      StreamMessage.KeysReshared m) {
    Optional<Reshare> r = context.schedule().get(m.reshare());
    if (r.isEmpty() || !r.get().source().equals(source) || !r.get().target().equals(subnet)
        || !m.dealings().keySet().equals(new java.util.TreeSet<>(r.get().keyIds()))) {
      return Optional.of("reshare message " + m.reshare() + " from " + source
          + " does not match the schedule");
    }
    install(state, m.reshare(), m.dealings());
    return Optional.empty();
  }

  /** Records {@code dealings} as the subnet's installed keys, of reshare {@code reshare}. */
  private static void install(ReplicatedState state, int reshare,
      SortedMap<String, List<byte[]>> dealings) {
    for (var e : dealings.entrySet()) {
      state.keyRecords().put(INSTALLED_PREFIX + e.getKey(), encodeList(e.getValue()));
    }
    state.keyRecords().put(INSTALLED_RESHARE, new BigEndianWriter(4).u32(reshare).toBytes());
  }

  /** The number of the reshare whose keys are installed in {@code state}, if any (cheap). */
  static Optional<Integer> installedReshare(ReplicatedState state) {
    byte[] index = state.keyRecords().get(INSTALLED_RESHARE);
    return index == null ? Optional.empty() : Optional.of(readReshare(index));
  }

  private static int readReshare(byte[] record) {
    BigEndianReader r = new BigEndianReader(record, "installed-reshare record");
    int reshare = r.i32("reshare");
    r.finish();
    return reshare;
  }

  /** The installed dealings per key id (decoded: call once per installation). */
  static SortedMap<String, List<byte[]>> installedDealings(ReplicatedState state) {
    TreeMap<String, List<byte[]>> keys = new TreeMap<>();
    state.keyRecords().subMap(INSTALLED_PREFIX, INSTALLED_PREFIX + Character.MAX_VALUE)
        .forEach((k, v) -> keys.put(k.substring(INSTALLED_PREFIX.length()), decodeList(v)));
    return keys;
  }

  static byte[] encodeList(List<byte[]> items) {
    BigEndianWriter w = new BigEndianWriter();
    w.u32(items.size());
    items.forEach(w::lengthPrefixed);
    return w.toBytes();
  }

  /** @throws IllegalStateException for a record {@link #encodeList} did not write */
  static List<byte[]> decodeList(byte[] bytes) {
    BigEndianReader in = new BigEndianReader(bytes, "installed-key record");
    try {
      int n = in.i32("count");
      if (n < 0 || n > in.remaining() / 4) {
        throw corrupt("count " + n + " overruns the record", null);
      }
      List<byte[]> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int len = in.i32("item length");
        if (len < 0 || len > in.remaining()) {
          throw corrupt("item of " + len + " bytes overruns the record", null);
        }
        out.add(in.raw(len, "item"));
      }
      if (in.remaining() > 0) {
        throw corrupt("trailing bytes", null);
      }
      return out;
    } catch (MalformedBytesException e) {
      throw corrupt(e.getMessage(), e);
    }
  }

  private static IllegalStateException corrupt(String what, Throwable cause) {
    return new IllegalStateException("corrupt installed-key record: " + what, cause);
  }

}
