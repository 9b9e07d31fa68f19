package dev.subnetsim.app.gateway;

import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.app.session.LiveWorldView;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.payload.IngressEnvelope;
import dev.subnetsim.replica.payload.MalformedPayloadItemException;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.RoutingTable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The IC HTTP interface (interface spec, "HTTPS Interface") in front of a {@link LiveSession},
 * without any HTTP library: status, update calls (v2 asynchronous, v3 synchronous), queries and
 * read_state. Every request is checked as a replica's HTTP endpoint checks it before anything
 * reaches the simulated subnet: size, CBOR shape, request type, the canister in the path,
 * signature and delegations, expiry. A refusal is a 4xx with the reason; nothing a client sends
 * can stop the simulation.
 */
public final class IcGateway {
  /** The IC's largest ingress message (2 MiB); a larger body is refused before decoding. */
  public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
  /** How long a v3 call waits for its certified result before answering 202 (spec: "a while"). */
  static final long SYNC_CALL_WAIT_MILLIS = 10_000;
  private static final long POLL_MILLIS = 20;

  private final LiveSession session;
  private final LiveWorldView world;
  private final AtomicLong nextNode = new AtomicLong();
  /** Who sent each accepted call: only its sender may read its status (bounded, oldest out). */
  private final Map<String, Principal> callers = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Principal> eldest) {
      return size() > 100_000;
    }
  };

  public IcGateway(LiveSession session) {
    this.session = session;
    this.world = new LiveWorldView(session.run());
  }

  public LiveSession session() {
    return session;
  }

  /** {@code GET /api/v2/status}: the root key clients verify certificates with. */
  public IcResponse status() {
    Map<String, CborValue> m = new LinkedHashMap<>();
    m.put("ic_api_version", new CborValue.Text("0.18.0"));
    m.put("impl_version", new CborValue.Text("subnet-sim 0.1.0"));
    m.put("replica_health_status", new CborValue.Text("healthy"));
    m.put("root_key", new CborValue.Bytes(world.rootKeyDer()));
    return IcResponse.cbor(200, new CborValue.MapValue(m));
  }

  /** {@code POST /api/v2|v3/canister/<id>/call}; {@code sync}: v3, wait for the certificate. */
  public IcResponse call(String effectiveCanister, byte[] body, boolean sync) {
    Checked c;
    try {
      c = check(effectiveCanister, body, IngressMessage.CALL);
    } catch (Refused r) {
      return r.response;
    }
    byte[] id = c.signed().message().requestId();
    // Replicas take a client's call as the payload item that carries its envelope.
    if (!session.submit(pick(c.subnet()), new PayloadItem.Ingress(c.signed()).encode())) {
      return IcResponse.error(429, "too many calls waiting for the simulation; retry later");
    }
    synchronized (callers) {
      callers.put(hex(id), c.signed().message().sender());
    }
    if (!sync) {
      return IcResponse.accepted();
    }
    // How long an HTTP client waits is wall time by nature (live serving, not simulation).
    long deadline = System.nanoTime() + SYNC_CALL_WAIT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      Optional<byte[]> certificate = join(session.read(run -> world.requestCertificate(
          c.subnet(), id)));
      if (certificate.isPresent()) {
        Map<String, CborValue> m = new LinkedHashMap<>();
        m.put("status", new CborValue.Text("replied"));
        m.put("certificate", new CborValue.Bytes(certificate.get()));
        return IcResponse.cbor(200, new CborValue.MapValue(m));
      }
      if (session.outcome().isDone()) {
        return IcResponse.error(503, "the simulation has ended");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return IcResponse.accepted(); // the client polls read_state, as the spec allows
  }

  /**
   * {@code POST /api/v2|v3/canister/<id>/query}: run on the subnet's latest executed state by the
   * most advanced replica, whose node signs the response.
   */
  public IcResponse query(String effectiveCanister, byte[] body) {
    Checked c;
    try {
      c = check(effectiveCanister, body, IngressMessage.QUERY);
    } catch (Refused r) {
      return r.response;
    }
    IngressMessage m = c.signed().message();
    LiveWorldView.QueryOutcome out = join(session.read(run -> world.query(c.subnet(),
        c.canister(), m.sender().toBytes(), m.methodName(), m.arg())));
    return IcResponse.cbor(200, QueryResponses.signed(out, m.requestId(),
        session.replicaUnixNanos(), world.signingKey(out.node())));
  }

  /** {@code POST /api/v2|v3/canister/<id>/read_state}: a certificate revealing the paths asked. */
  public IcResponse readState(String effectiveCanister, byte[] body) {
    try {
      CanisterId canister = canisterOf(effectiveCanister);
      return readState(subnetOf(canister, effectiveCanister), canister.toBytes(), canister, body);
    } catch (Refused e) {
      return e.response;
    }
  }

  /**
   * {@code POST /api/v2|v3/subnet/<id>/read_state}: the subnet's own paths ({@code time},
   * {@code subnet/...}) from its latest certified state.
   */
  public IcResponse subnetReadState(String subnetText, byte[] body) {
    Principal id;
    try {
      id = Principal.fromText(subnetText);
    } catch (IllegalArgumentException e) {
      return IcResponse.error(400, "invalid subnet id '" + subnetText + "': " + e.getMessage());
    }
    Optional<SubnetId> subnet = world.subnetWithId(id);
    if (subnet.isEmpty()) {
      return IcResponse.error(400, "no subnet " + subnetText + " in this world");
    }
    return readState(subnet.get(), id.toBytes(), null, body);
  }

  /** @param canister the effective canister; null for a subnet's read_state */
  private IcResponse readState(SubnetId subnet, byte[] target, CanisterId canister, byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      return tooLarge(body.length);
    }
    ReadStateRequest r;
    try {
      r = ReadStateRequest.decode(body);
      IngressValidator.validate(r.sender(), r.requestId(), r.ingressExpiryNanos(), target,
          r.senderPublicKeyDer(), r.signature(), r.delegations(), session.replicaUnixNanos(),
          Optional.of(world.rootKeyDer()));
    } catch (IllegalArgumentException e) {
      return IcResponse.error(400, "malformed read_state request: " + e.getMessage());
    } catch (InvalidIngressException e) {
      return invalid(e);
    }
    for (List<byte[]> path : r.paths()) {
      String refusal = refusal(path, r.sender(), canister);
      if (refusal != null) {
        return IcResponse.error(refusal.startsWith("forbidden") ? 403 : 400, refusal);
      }
    }
    Optional<byte[]> certificate = join(session.read(run -> world.certificate(subnet,
        r.paths())));
    if (certificate.isEmpty()) {
      return IcResponse.error(503, "subnet " + subnet + " has not certified a state yet");
    }
    return IcResponse.cbor(200, new CborValue.MapValue(Map.of("certificate",
        new CborValue.Bytes(certificate.get()))));
  }

  /** The world as JSON-ready maps: root key, subnets and their example canisters' ids. */
  public Map<String, Object> topology() {
    return world.topology(session.clock().isManual());
  }

  /** Manual time: lets virtual time run {@code nanos} further; the new Unix time allowed. */
  public long advanceTime(long nanos) {
    return session.clock().epochNanos() + session.advance(nanos);
  }

  /**
   * Null if the path may be read; else why not (starting "forbidden" for a 403). A subnet's
   * read_state ({@code canister} null) serves only {@code time} and {@code subnet}.
   */
  private String refusal(List<byte[]> path, Principal sender, CanisterId canister) {
    if (path.isEmpty()) {
      return "an empty path cannot be read";
    }
    String head = new String(path.get(0), java.nio.charset.StandardCharsets.UTF_8);
    if (canister == null && !head.equals("time") && !head.equals("subnet")) {
      return "path /" + head + " is not served by a subnet's read_state (time, subnet)";
    }
    switch (head) {
      case "time", "subnet" -> {
        return null;
      }
      case "request_status" -> {
        if (path.size() < 2) {
          return "request_status needs a request id";
        }
        Principal caller;
        synchronized (callers) {
          caller = callers.get(hex(path.get(1)));
        }
        return caller == null || caller.equals(sender) ? null
            : "forbidden: request " + hex(path.get(1)) + " was sent by another principal";
      }
      case "canister" -> {
        if (path.size() < 2 || !Arrays.equals(path.get(1), canister.toBytes())) {
          return "forbidden: canister paths must name the effective canister";
        }
        return null;
      }
      default -> {
        return "path /" + head + " is not served (time, request_status, subnet, canister)";
      }
    }
  }

  private record Checked(SignedIngress signed, CanisterId canister, SubnetId subnet) {}

  /** The checks a replica's HTTP endpoint makes before a call or query enters the subnet. */
  private Checked check(String effectiveCanister, byte[] body, String requestType)
      throws Refused {
    if (body.length > MAX_BODY_BYTES) {
      throw new Refused(tooLarge(body.length));
    }
    CanisterId canister = canisterOf(effectiveCanister);
    SubnetId subnet = subnetOf(canister, effectiveCanister);
    SignedIngress signed;
    try {
      signed = IngressEnvelope.decode(body);
    } catch (MalformedPayloadItemException | IllegalArgumentException e) {
      throw new Refused(IcResponse.error(400, "malformed request: " + e.getMessage()));
    }
    if (!signed.message().requestType().equals(requestType)) {
      throw new Refused(IcResponse.error(400, "request_type \"" + signed.message().requestType()
          + "\" sent to the " + requestType + " endpoint"));
    }
    if (isManagement(signed.message().canisterId())) {
      // Interface spec, "Effective canister id": a user may call the management canister only
      // for methods naming a canister (the effective one) or provisional_create_canister_with_
      // cycles; this world's management methods are the chain-key ones, callable by canisters
      // only, so the system rejects the call, whatever the effective canister id.
      throw new Refused(IcResponse.error(400, "management canister method '"
          + signed.message().methodName() + "' cannot be called by a user: the simulated "
          + "management canister serves only canisters (chain-key methods)"));
    }
    if (!Arrays.equals(signed.message().canisterId(), canister.toBytes())) {
      throw new Refused(IcResponse.error(400, "misrouted: content.canister_id "
          + hex(signed.message().canisterId()) + " is not the effective canister "
          + effectiveCanister + " of the URL"));
    }
    try {
      IngressValidator.validate(signed, session.replicaUnixNanos(),
          Optional.of(world.rootKeyDer()));
    } catch (InvalidIngressException e) {
      throw new Refused(invalid(e));
    }
    return new Checked(signed, canister, subnet);
  }

  private CanisterId canisterOf(String text) throws Refused {
    try {
      CanisterId id = CanisterId.fromBytes(Principal.fromText(text).toBytes());
      if (id.isManagement()) {
        throw new Refused(IcResponse.error(400, "aaaaa-aa is not an effective canister id: a "
            + "request to the management canister names, in the URL, the canister it concerns"));
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw new Refused(IcResponse.error(400, "invalid canister id '" + text + "': "
          + e.getMessage()));
    }
  }

  private SubnetId subnetOf(CanisterId canister, String text) throws Refused {
    RoutingTable routing = world.routing();
    return routing.subnetOf(canister).map(SubnetId::new).filter(world::hasSubnet)
        .orElseThrow(() -> new Refused(IcResponse.error(400, "canister " + text
            + " is not in any subnet's range")));
  }

  private NodeId pick(SubnetId subnet) {
    List<NodeId> members = world.members(subnet);
    return members.get((int) Math.floorMod(nextNode.getAndIncrement(), (long) members.size()));
  }

  /** The replica's words, with the prefix agent-js recognises to resynchronise its clock. */
  private static IcResponse invalid(InvalidIngressException e) {
    return IcResponse.error(400, (e.expired() ? "Invalid request expiry: " : "invalid request: ")
        + e.getMessage());
  }

  private static IcResponse tooLarge(int bytes) {
    return IcResponse.error(413, "request of " + bytes + " bytes is larger than the "
        + MAX_BODY_BYTES + " bytes a replica accepts");
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the simulation did not answer: " + e, e);
    }
  }

  private static boolean isManagement(byte[] canisterId) {
    return canisterId.length == 0;
  }

  private static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }

  /** A request refused before it reaches the subnet. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient IcResponse response;

    Refused(IcResponse response) {
      super(response.text(), null, false, false);
      this.response = response;
    }
  }
}
