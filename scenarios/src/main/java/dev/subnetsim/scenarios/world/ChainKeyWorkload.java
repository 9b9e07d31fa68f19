package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.scenarios.driver.IngressSchedule;
import dev.subnetsim.scenarios.driver.IngressStream;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestKind;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chain-key request streams of a scenario: Poisson arrivals (rate ramped linearly if asked) of
 * calls to the proxy canister of the stream's subnet, which forwards them to the management
 * canister (of the key-holding subnet, across a cross-subnet stream when that is another subnet).
 * Each request is made by a test client whose secrets (vetKD transport key, ECDH peer key,
 * document-key requester key and the stored document key) are drawn from the run seed and kept
 * here, so replies can be checked and logged for outside verification. Sequence numbers start at
 * {@link #SEQUENCE_BASE}, apart from plain ingress.
 */
public final class ChainKeyWorkload {
  public static final long SEQUENCE_BASE = 1L << 40;

  /** A test client's request and what it needs to check the reply. */
  public record Client(long sequence, RequestKind kind, long sentAtNanos, ManagementRequest request,
      Optional<TransportSecretKey> vetKdTransport, Optional<EcdhPeer> peer,
      Optional<TransportKeyPair> transport, Optional<EncryptedDocumentKey> document,
      Optional<EcPoint> documentKey) {}

  /** A served stream: its index in the scenario, targets and the sequence numbers it uses. */
  private record Plan(int index, RequestStream stream, List<NodeId> targets, long firstSequence,
      long count) {}

  private static final EcdhGroup[] ECDH_GROUPS = {EcdhGroup.P256, EcdhGroup.SECP256K1, EcdhGroup.X25519};

  private final SeededRandom root;
  /** The master public keys once they exist (null: a workload that only counts requests). */
  private final java.util.function.Supplier<Optional<SubnetChainKeys>> keys;
  private final long endNanos;
  private final List<Plan> plans = new ArrayList<>();
  private final TreeMap<RequestKind, Long> counts = new TreeMap<>();
  private long total;
  // Filled as the requests are made, which is before they are sent (the checkers look them up).
  private final TreeMap<Long, Client> bySequence = new TreeMap<>();
  private final TreeMap<String, Client> byArg = new TreeMap<>();

  /** The world's load client, which signs every request's load message. */
  private final LoadClient load;

  private ChainKeyWorkload(long seed,
      java.util.function.Supplier<Optional<SubnetChainKeys>> keys, long endNanos) {
    this.root = SeededRandom.fromSeed(seed).fork("chain-key-workload");
    this.load = LoadClient.fromSeed(seed);
    this.keys = keys;
    this.endNanos = endNanos;
  }

  /** The kinds this build serves; the others are reported as not checked by the caller. */
  public static boolean served(RequestKind kind) {
    return kind != RequestKind.CANISTER_SIGNATURE;
  }

  /** The latency series name of a kind, as pass criteria name it ("p99 vetkd latency < 2s"). */
  public static String latencyName(RequestKind kind) {
    return switch (kind) {
      case SIGN_WITH_ECDSA -> "ecdsa";
      case SIGN_WITH_SCHNORR -> "schnorr";
      case VETKD_DERIVE_KEY -> "vetkd";
      case ECDH_DERIVE -> "ecdh";
      case DOCUMENT_KEY_RETRIEVE -> "document-key";
      case CANISTER_SIGNATURE -> "canister-signature";
    };
  }

  /**
   * Requests of each stream go to the nodes of its {@code from} subnet (whose proxy canister calls
   * the management canister; calls for keys held elsewhere travel there in a stream), or of
   * {@code defaultSubnet} when the stream names none. Only the arrivals are counted here (the
   * sequence numbers run through the streams in order, so each stream's first one is known);
   * the requests and their clients are made as {@link #injections()} is read. With {@code keys}
   * null nothing else is possible (the counts size stashes before keys exist).
   */
  public static ChainKeyWorkload generate(long seed, List<RequestStream> streams,
      SubnetChainKeys keys, java.util.function.Function<SubnetId, List<NodeId>> membersOf,
      SubnetId defaultSubnet, long endNanos) {
    return generateAwaitingKeys(seed, streams, keys == null ? null : () -> Optional.of(keys),
        membersOf, defaultSubnet, endNanos);
  }

  /**
   * As above, with master keys that may come to exist during the run (generated through
   * consensus): a document-key client made before the server key exists asks for it
   * ({@code document_key_server_key}) instead of sealing a document.
   */
  public static ChainKeyWorkload generateAwaitingKeys(long seed, List<RequestStream> streams,
      java.util.function.Supplier<Optional<SubnetChainKeys>> keys,
      java.util.function.Function<SubnetId, List<NodeId>> membersOf,
      SubnetId defaultSubnet, long endNanos) {
    ChainKeyWorkload w = new ChainKeyWorkload(seed, keys, endNanos);
    long sequence = SEQUENCE_BASE;
    for (int s = 0; s < streams.size(); s++) {
      RequestStream stream = streams.get(s);
      if (!served(stream.kind())) {
        continue;
      }
      List<NodeId> targets = membersOf.apply(stream.fromSubnet() == null ? defaultSubnet
          : stream.fromSubnet());
      Plan counting = new Plan(s, stream, targets, sequence, -1);
      long n = 0;
      for (Arrivals a = w.new Arrivals(counting, false); a.hasNext(); a.next()) {
        n++;
      }
      w.plans.add(new Plan(s, stream, targets, sequence, n));
      w.counts.merge(stream.kind(), n, Long::sum);
      w.total += n;
      sequence += n;
    }
    return w;
  }

  /**
   * One stream's requests in time order. Draws per request as the whole list was once drawn:
   * the gap, then (from forks, which consume nothing) the client, then the target node.
   */
  private final class Arrivals extends LookaheadIterator<IngressInjection> {
    private final Plan plan;
    private final boolean make;
    private final SeededRandom rng;
    private double t;
    private long sequence;

    Arrivals(Plan plan, boolean make) {
      this.plan = plan;
      this.make = make;
      this.rng = root.fork("stream-" + plan.index());
      this.sequence = plan.firstSequence();
    }

    @Override
    protected IngressInjection draw() {
      RequestStream stream = plan.stream();
      double progress = t / endNanos;
      double rate = stream.perSecond() + (stream.rampToPerSecond() > 0
          ? (stream.rampToPerSecond() - stream.perSecond()) * progress : 0);
      if (rate <= 0) {
        return null;
      }
      t += Math.max(1, rng.nextExponential() * 1e9 / rate);
      if (t >= endNanos) {
        return null;
      }
      long at = (long) t;
      long seq = sequence++;
      byte[] body = null;
      if (make) {
        Client c = client(seq, stream.kind(), at, keys.get().orElse(null),
            rng.fork("client-" + sequence));
        bySequence.put(c.sequence(), c);
        byArg.put(HexFormat.of().formatHex(c.request().encode()), c);
        byte[] arg = ChainKeyProxyCanister.callArg(c.request().method(), c.request().encode());
        body = load.sign(new PayloadItem.Workload(c.sequence(), at,
            SubnetExecution.CHAIN_KEY_PROXY, "call", arg)).encode();
      }
      NodeId target = plan.targets().get(rng.nextInt(plan.targets().size()));
      return new IngressInjection(at, target, body == null ? new byte[0] : body);
    }
  }

  private Client client(long seq, RequestKind kind, long at, SubnetChainKeys keys, SeededRandom rng) {
    byte[] label = ByteBuffer.allocate(8).putLong(seq).array();
    switch (kind) {
      case VETKD_DERIVE_KEY -> {
        TransportSecretKey tsk = TransportSecretKey.random(rng.fork("transport"));
        return new Client(seq, kind, at, new ManagementRequest.VetKdDeriveKey(label,
            "notes".getBytes(java.nio.charset.StandardCharsets.UTF_8), tsk.publicKey().toBytes(),
            SubnetChainKeys.VETKD_KEY_NAME), Optional.of(tsk), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
      }
      case ECDH_DERIVE -> {
        // Every ECDH curve in turn, each both in the clear and encrypted to a transport key.
        EcdhGroup group = ECDH_GROUPS[(int) (seq % ECDH_GROUPS.length)];
        EcdhPeer peer = EcdhPeer.generate(group, rng.fork("peer"));
        boolean encrypted = (seq / ECDH_GROUPS.length) % 2 == 0;
        Optional<TransportKeyPair> transport = encrypted
            ? Optional.of(TransportKeyPair.generate(group.curve(), rng.fork("transport")))
            : Optional.empty();
        return new Client(seq, kind, at, new ManagementRequest.EcdhDerive(group.logName(),
            peer.publicKey(), List.of(label), transport.map(t -> t.publicKey().encode()),
            SubnetChainKeys.ECDH_KEY_NAME),
            Optional.empty(), Optional.of(peer), transport, Optional.empty(), Optional.empty());
      }
      case DOCUMENT_KEY_RETRIEVE -> {
        if (keys == null) { // sizing, or the server key does not exist yet: ask for it
          return new Client(seq, kind, at, new ManagementRequest.DocumentKeyServerKey(
              SubnetChainKeys.DOCUMENT_KEY_NAME), Optional.empty(), Optional.empty(),
              Optional.empty(), Optional.empty(), Optional.empty());
        }
        EcPoint m = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, rng.fork("document"));
        EncryptedDocumentKey doc = DocumentKeys.encrypt(keys.documentServerKey(), m, rng.fork("store"));
        TransportKeyPair requester = TransportKeyPair.generate(EcCurve.SECP256K1, rng.fork("requester"));
        return new Client(seq, kind, at, new ManagementRequest.DocumentKeyShadows(
            doc.commonPoint().encode(), requester.publicKey().encode(),
            SubnetChainKeys.DOCUMENT_KEY_NAME), Optional.empty(), Optional.empty(),
            Optional.of(requester), Optional.of(doc), Optional.of(m));
      }
      case SIGN_WITH_ECDSA -> {
        byte[] hash = sha256(label);
        return new Client(seq, kind, at, new ManagementRequest.SignWithEcdsa(
            seq % 2 == 0 ? "secp256k1" : "p256", hash, List.of(label), SigningKeys.KEY_NAME),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      }
      case SIGN_WITH_SCHNORR -> {
        return new Client(seq, kind, at, new ManagementRequest.SignWithSchnorr(
            seq % 2 == 0 ? "bip340" : "ed25519", sha256(label), List.of(label), Optional.empty(),
            SigningKeys.KEY_NAME), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
      }
      default -> throw new IllegalArgumentException(kind + " is not served by this build");
    }
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many requests of {@code kind} the streams make (for sizing presignature stashes). */
  public long count(RequestKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  /**
   * Every stream's requests merged in time order (ties: scenario order of the streams), made as
   * they are read: each iteration makes them again, the same. Needs the keys.
   */
  public IngressStream injections() {
    if (keys == null) {
      throw new IllegalStateException("a workload generated without keys only counts requests");
    }
    List<IngressStream> streams = new ArrayList<>();
    for (Plan p : plans) {
      streams.add(() -> new Arrivals(p, true));
    }
    return IngressSchedule.merged(streams);
  }

  public Optional<Client> bySequence(long sequence) {
    return Optional.ofNullable(bySequence.get(sequence));
  }

  /** The client of a management request, by its CBOR argument. */
  public Optional<Client> byRequestArg(byte[] managementArg) {
    return Optional.ofNullable(byArg.get(HexFormat.of().formatHex(managementArg)));
  }

  /** Requests over the whole run (made or not yet). */
  public int size() {
    return (int) total;
  }

  /** Every request, in sequence order. */
  public List<Client> clients() {
    return List.copyOf(bySequence.values());
  }
}
