package dev.subnetsim.replica.block;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.block.BlockOutcome.ChainKeyCompleted;
import dev.subnetsim.replica.block.BlockOutcome.IngressCompleted;
import dev.subnetsim.replica.block.BlockOutcome.LoadCompleted;
import dev.subnetsim.replica.chainkey.ManagementCanister;
import dev.subnetsim.replica.chainkey.ShareVerifier;
import dev.subnetsim.replica.chainkey.reshare.ReshareLedger;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.ExecutionEnvironment;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.execution.messaging.CallContext;
import dev.subnetsim.replica.execution.messaging.Callback;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.execution.messaging.QueuedMessage;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.MalformedPayloadItemException;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.cpu.CpuOp;
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.replica.xnet.StreamMessage;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Executes one finalized block's payload against the replicated state, deterministically: items in
 * payload order (ingress validated and deduplicated, load messages, chain-key responses whose shares
 * are re-verified and combined), then the input queue until it is empty or the round's message
 * budget is spent (the rest waits for the next block, as the IC's scheduler carries messages over).
 * Inter-canister calls are routed to canisters of this subnet or to the management canister;
 * responses run the caller's callbacks; a call context that can no longer respond is rejected.
 */
public final class BlockExecutor {
  private static final int MESSAGES_PER_ROUND = 10_000;

  private final ExecutionEnvironment environment;
  private final ManagementCanister management;
  private final ShareVerifier verifier;
  private final String subnet;
  private final RoutingTable routing;
  private final Predicate<XNetSlice> sliceVerifier;
  private final ReshareLedger reshares;
  /** Whose signature load must carry. */
  private final LoadClient.Verifier load;
  /** The root key canister signatures chain to (a sender's or a delegation's). */
  private final Supplier<Optional<byte[]>> rootKeyDer;
  /** Receivers of this subnet's dealings (each dealing verified is work per receiver). */
  private final int committeeSize;

  /**
   * @param sliceVerifier checks a stream slice's certification against its source subnet's key
   * @param reshares this subnet's part in the scheduled key reshares
   * @param load the load client whose signature load must carry
   * @param rootKeyDer the root key, read at each block (the registry is set after genesis)
   */
  public BlockExecutor(ExecutionEnvironment environment, ManagementCanister management,
      ShareVerifier verifier, String subnet, RoutingTable routing,
      Predicate<XNetSlice> sliceVerifier, ReshareLedger reshares, LoadClient.Verifier load,
      Supplier<Optional<byte[]>> rootKeyDer, int committeeSize) {
    this.rootKeyDer = rootKeyDer;
    this.committeeSize = committeeSize;
    this.reshares = reshares;
    this.environment = environment;
    this.management = management;
    this.verifier = verifier;
    this.subnet = subnet;
    this.routing = routing;
    this.sliceVerifier = sliceVerifier;
    this.load = load;
  }

  /** The id of this subnet's canister number {@code local} (its routing range's base + local). */
  public CanisterId canister(long local) {
    return new CanisterId(routing.base(subnet) + local);
  }

  public BlockOutcome execute(ReplicatedState state, long height, long timeNanos, byte[] randomness,
      List<byte[]> items) {
    state.advance(height, timeNanos);
    Round round = new Round(state, randomness);
    for (byte[] bytes : items) {
      PayloadItem item;
      try {
        item = PayloadItem.decode(bytes);
      } catch (MalformedPayloadItemException e) {
        round.rejected.add("malformed payload item: " + e.getMessage());
        continue;
      }
      if (item instanceof PayloadItem.Workload w && !load.verifies(w)) {
        round.rejected.add("load not signed by the load client (sequence " + w.sequence() + ")");
      } else if (item instanceof PayloadItem.Workload w) {
        state.queue().add(new QueuedMessage.Request(
            new Origin.FromWorkload(w.sequence(), w.sentAtNanos()), new byte[] {4},
            canister(w.target()), w.method(), w.arg()));
      } else if (item instanceof PayloadItem.Ingress i) {
        round.ingress(i.signed());
      } else if (item instanceof PayloadItem.ChainKeyResponse r) {
        round.chainKeyResponse(r);
      } else if (item instanceof PayloadItem.XNet x) {
        round.induct(x.slice());
      } else if (item instanceof PayloadItem.ReshareDealing d) {
        round.work.add(CpuOp.IDKG_VERIFY_DEALING_PER_RECEIVER, committeeSize);
        reshares.onDealing(state, d).ifPresent(round.rejected::add);
      } else if (item instanceof PayloadItem.PresignatureDealing d) {
        round.work.add(CpuOp.IDKG_VERIFY_DEALING_PER_RECEIVER, committeeSize);
        round.rejected.addAll(management.onPresignatureDealing(state, d));
      } else if (item instanceof PayloadItem.PresignatureComplaint
          || item instanceof PayloadItem.PresignatureOpening) {
        round.rejected.addAll(management.onPresignatureSupport(state, item));
      } else if (item instanceof PayloadItem.ReshareComplaint c) {
        reshares.onComplaint(state, c).ifPresent(round.rejected::add);
      } else if (item instanceof PayloadItem.ReshareOpening o) {
        reshares.onOpening(state, o).ifPresent(round.rejected::add);
      }
    }
    int executed = 0;
    while (!state.queue().isEmpty() && executed++ < MESSAGES_PER_ROUND) {
      round.run(state.queue().poll());
    }
    management.afterBlock(state);
    state.pruneStatuses();
    round.work.add(CpuOp.CANISTER_INSTRUCTION, round.instructions);
    return new BlockOutcome(round.load, round.chainKey, round.rejected, round.instructions,
        round.ingressDone, round.work.drain());
  }

  /** One block's execution: the state plus what to report. */
  private final class Round {
    final ReplicatedState state;
    final byte[] randomness;
    final List<LoadCompleted> load = new ArrayList<>();
    final List<ChainKeyCompleted> chainKey = new ArrayList<>();
    final List<IngressCompleted> ingressDone = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final CpuWork work = new CpuWork();
    long instructions;
    long messageCounter;

    Round(ReplicatedState state, byte[] randomness) {
      this.state = state;
      this.randomness = randomness.clone();
    }

    void ingress(SignedIngress signed) {
      byte[] id = signed.message().requestId();
      if (state.requestStatus(id) != null) {
        return; // a duplicate: already received (the IC deduplicates by request id)
      }
      if (signed.message().isQuery()) {
        rejected.add("ingress " + java.util.HexFormat.of().formatHex(id)
            + " is a query, not an update call");
        return;
      }
      try {
        IngressValidator.validate(signed, state.timeNanos(), rootKeyDer.get());
      } catch (InvalidIngressException e) {
        if (!e.expired()) {
          rejected.add("invalid ingress " + java.util.HexFormat.of().formatHex(id) + ": "
              + e.getMessage());
        }
        // An expired message is dropped, not blamed on the block maker: it was valid when the
        // maker's pool admitted it, and expiry depends on when each replica looks.
        return;
      }
      CanisterId target;
      try {
        target = CanisterId.fromBytes(signed.message().canisterId());
      } catch (IllegalArgumentException e) {
        state.setRequestStatus(id, RequestStatus.rejected(ManagementCanister.DESTINATION_INVALID,
            "not a canister id"));
        return;
      }
      state.setRequestStatus(id, new RequestStatus("processing", null, 0, null));
      state.queue().add(new QueuedMessage.Request(new Origin.FromIngress(id),
          signed.message().sender().toBytes(), target, signed.message().methodName(),
          signed.message().arg()));
    }

    void chainKeyResponse(PayloadItem.ChainKeyResponse r) {
      ChainKeyRequest request = state.chainKeyRequests().get(r.requestId());
      if (request == null) {
        return; // answered by an earlier block: a late duplicate, harmless
      }
      ChainKeyScheme scheme = management.schemes(state).get(request.method());
      if (!scheme.ready(request)) {
        rejected.add("chain-key response for request " + request.id()
            + ", which still waits for a presignature");
        return;
      }
      SortedMap<Integer, byte[]> valid = new TreeMap<>();
      work.add(CpuOp.verifyShare(request.method()), r.shares().size());
      for (var e : r.shares().entrySet()) {
        if (verifier.verify(state, scheme, request, e.getKey(), e.getValue())) {
          valid.put(e.getKey(), e.getValue());
        } else {
          rejected.add("invalid " + request.method() + " share of node " + e.getKey()
              + " for request " + request.id());
        }
      }
      if (valid.size() < scheme.threshold()) {
        rejected.add("chain-key response for request " + request.id() + " has " + valid.size()
            + " valid shares, needs " + scheme.threshold());
        return;
      }
      work.add(CpuOp.combineShare(request.method()), valid.size());
      ManagementReply reply = scheme.combine(state, request, valid);
      state.chainKeyRequests().remove(request.id());
      scheme.release(request, state);
      chainKey.add(new ChainKeyCompleted(request, reply, state.timeNanos()));
      respond(request.origin(), Reply.of(reply.encodeFor(request.method(), request.arg())));
    }

    /** Inducts a certified stream slice: its new messages join the queue, its signal prunes ours. */
    void induct(XNetSlice slice) {
      if (slice.source().equals(subnet) || !routing.subnets().contains(slice.source())) {
        rejected.add("stream slice from unknown subnet " + slice.source());
        return;
      }
      boolean valid;
      try {
        valid = sliceVerifier.test(slice);
      } catch (RuntimeException e) {
        valid = false;
      }
      if (!valid) {
        rejected.add("stream slice of " + slice.source() + " at height " + slice.height()
            + " fails its certification");
        return;
      }
      state.pruneStream(slice.source(), slice.signalFor(subnet));
      long next = state.inducted(slice.source());
      for (var e : slice.messagesFor(subnet).tailMap(next).entrySet()) {
        if (e.getKey() != next) {
          break; // a gap: wait for a slice that covers it
        }
        StreamMessage m;
        try {
          m = StreamMessage.decode(e.getValue());
        } catch (IllegalArgumentException ex) {
          rejected.add("malformed stream message " + next + " from " + slice.source());
          next++;
          continue;
        }
        if (m instanceof StreamMessage.Request q) {
          state.queue().add(new QueuedMessage.Request(
              new Origin.FromRemote(slice.source(), q.callbackId()), q.caller(), q.target(),
              q.method(), q.arg()));
        } else if (m instanceof StreamMessage.KeysReshared k) {
          reshares.onKeysReshared(state, slice.source(), k).ifPresent(rejected::add);
        } else if (m instanceof StreamMessage.Response p) {
          state.queue().add(new QueuedMessage.Response(p.callbackId(), p.reply()));
        }
        next++;
      }
      state.setInducted(slice.source(), next);
    }

    void run(QueuedMessage m) {
      if (m instanceof QueuedMessage.Request q) {
        request(q);
      } else if (m instanceof QueuedMessage.Response p) {
        response(p);
      }
    }

    private void request(QueuedMessage.Request q) {
      if (q.target().isManagement()) {
        // Requests from other subnets were routed here already: never bounce them back.
        var signer = routing.signingSubnetAt(state.timeNanos());
        if (signer.isPresent() && !signer.get().equals(subnet)
            && !(q.origin() instanceof Origin.FromRemote)) {
          forward(signer.get(), q);
        } else {
          management.handle(state, q, randomness).ifPresent(reply -> respond(q.origin(), reply));
        }
        return;
      }
      var home = routing.subnetOf(q.target());
      if (home.isPresent() && !home.get().equals(subnet)) {
        forward(home.get(), q);
        return;
      }
      CanisterState canister = state.canisters().get(q.target());
      if (canister == null) {
        respond(q.origin(), Reply.reject(ManagementCanister.DESTINATION_INVALID,
            "canister " + q.target() + " does not exist on this subnet"));
        return;
      }
      CallContext context = new CallContext(state.nextId(), q.target(), q.origin(), false, 0);
      ExecutionResult result = environment.execute(canister,
          CanisterCall.update(q.target(), q.caller(), q.method(), q.arg()), state.timeNanos(),
          seed());
      settle(context, result);
    }

    /** Sends a canister's call to another subnet in the stream; the response returns the same way. */
    private void forward(String destination, QueuedMessage.Request q) {
      if (!(q.origin() instanceof Origin.FromCall c)) {
        respond(q.origin(), Reply.reject(ManagementCanister.DESTINATION_INVALID, q.target()
            + " is not on subnet " + subnet + " (send the message to its own subnet)"));
        return;
      }
      state.appendToStream(destination, new StreamMessage.Request(c.callbackId(), q.caller(),
          q.target(), q.method(), q.arg()).encode());
    }

    private void response(QueuedMessage.Response p) {
      Callback callback = state.callbacks().remove(p.callbackId());
      if (callback == null) {
        return;
      }
      CallContext context = state.callContexts().remove(callback.callContextId());
      if (context == null) {
        return;
      }
      context = context.withOutstanding(-1);
      Reply reply = p.reply();
      if (context.canister().isManagement()) { // a permission program's answer to the key holders
        Origin origin = context.origin();
        management.onPermissionAnswer(state, origin, callback, reply, randomness)
            .ifPresent(r -> respond(origin, r));
        return;
      }
      CanisterState canister = state.canisters().get(context.canister());
      CanisterCall call = new CanisterCall(
          reply.replied() ? CanisterCall.Kind.REPLY_CALLBACK : CanisterCall.Kind.REJECT_CALLBACK,
          context.canister(), callback.callee().toBytes(),
          reply.replied() ? callback.replyMethod() : callback.rejectMethod(),
          reply.replied() ? reply.data()
              : reply.rejectMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8),
          callback.context(), reply.replied() ? 0 : reply.rejectCode());
      settle(context, environment.execute(canister, call, state.timeNanos(), seed()));
    }

    /** Applies a message's result to its call context: route its calls, deliver its response. */
    private void settle(CallContext context, ExecutionResult result) {
      instructions += result.instructions();
      work.add(CpuOp.EXECUTE_MESSAGE);
      for (ExecutionResult.OutgoingCall call : result.calls()) {
        Callback callback = new Callback(state.nextId(), context.id(), call.target(),
            call.replyMethod(), call.rejectMethod(), call.context());
        state.callbacks().put(callback.id(), callback);
        context = context.withOutstanding(1);
        state.queue().add(new QueuedMessage.Request(new Origin.FromCall(callback.id()),
            call.from().toBytes(), call.target(), call.method(), call.arg()));
      }
      if (!context.responded()) {
        if (result.outcome() instanceof ExecutionResult.Replied r) {
          respond(context.origin(), Reply.of(r.data()));
          context = context.withResponded();
        } else if (result.outcome() instanceof ExecutionResult.Rejected r) {
          respond(context.origin(), Reply.reject(r.code(), r.message()));
          context = context.withResponded();
        }
      }
      if (context.outstandingCalls() > 0) {
        state.callContexts().put(context.id(), context);
      } else if (!context.responded()) {
        respond(context.origin(), Reply.reject(ManagementCanister.CANISTER_ERROR,
            "canister " + context.canister() + " did not reply to the call"));
      }
    }

    private void respond(Origin origin, Reply reply) {
      if (origin instanceof Origin.FromIngress i) {
        state.setRequestStatus(i.requestId(), reply.replied() ? RequestStatus.replied(reply.data())
            : RequestStatus.rejected(reply.rejectCode(), reply.rejectMessage()));
        ingressDone.add(new IngressCompleted(i.requestId(), reply));
      } else if (origin instanceof Origin.FromCall c) {
        state.queue().add(new QueuedMessage.Response(c.callbackId(), reply));
      } else if (origin instanceof Origin.FromWorkload w) {
        load.add(new LoadCompleted(w.sequence(), w.sentAtNanos(), reply.replied()));
      } else if (origin instanceof Origin.FromRemote r) {
        state.appendToStream(r.subnet(), new StreamMessage.Response(r.callbackId(), reply).encode());
      }
    }

    /** The random tape seed of the next message: the block's randomness and the message's index. */
    private byte[] seed() {
      return messageSeed(randomness, state.height(), messageCounter++);
    }
  }

  /** SHA-256 of the block's randomness, then its height and the message's index as u64s. */
  static byte[] messageSeed(byte[] randomness, long height, long message) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(randomness);
      d.update(new BigEndianWriter(16).u64(height).u64(message).toBytes());
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
