package dev.subnetsim.replica.query;

import dev.subnetsim.chainkey.certification.CertificateDelegation;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import dev.subnetsim.replica.payload.MalformedPayloadItemException;
import dev.subnetsim.replica.state.ReplicatedState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One replica's query endpoint. The IC runs queries on the latest certified state so that their
 * data certificate speaks for the state they ran on; a replica here executes every block as it is
 * finalized, so a query waits until the replica holds a certification of the height it has
 * executed (usually within a block time) and runs then. Queries never change the state.
 */
public final class QueryService {
  /** Queries a replica holds at once; beyond it new ones are rejected (back-pressure). */
  public static final int MAX_PENDING = 256;

  /** An answer: the reply or reject message, and the certificate (empty for a refusal). */
  public record Answer(long height, byte[] requestId, boolean replied, byte[] reply,
      String rejectMessage, byte[] certificate) {}

  private final List<QueryRequest> pending = new ArrayList<>();

  /**
   * Accepts a query for the next certified state, or refuses it at once (malformed, bad
   * signature, expired, too many waiting).
   */
  public Optional<Answer> submit(byte[] bytes, long nowNanos, long height) {
    return submit(bytes, nowNanos, height, Optional.empty());
  }

  /** As {@link #submit(byte[], long, long)}, verifying canister signatures under the root key. */
  public Optional<Answer> submit(byte[] bytes, long nowNanos, long height,
      Optional<byte[]> rootKeyDer) {
    QueryRequest q;
    try {
      q = QueryRequest.decode(bytes);
    } catch (MalformedPayloadItemException | IllegalArgumentException e) {
      return Optional.of(refused(height, new byte[0], "malformed query: " + e.getMessage()));
    }
    byte[] id = q.signed().message().requestId();
    try {
      IngressValidator.validate(q.signed(), nowNanos, rootKeyDer);
    } catch (InvalidIngressException e) {
      return Optional.of(refused(height, id, "invalid query: " + e.getMessage()));
    }
    if (pending.size() >= MAX_PENDING) {
      return Optional.of(refused(height, id, "too many queries waiting"));
    }
    pending.add(q);
    return Optional.empty();
  }

  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /**
   * Runs every waiting query on {@code state}, which must be the state {@code certified} speaks
   * for, and answers each with a certificate of its canister's certified data and the time.
   */
  public List<Answer> answer(ReplicatedState state, CertifiedState certified,
      Optional<CertificateDelegation> delegation, SubnetExecution execution) {
    if (state.height() != certified.height()) {
      throw new IllegalArgumentException("state at height " + state.height()
          + " is not the certified one (" + certified.height() + ")");
    }
    List<Answer> out = new ArrayList<>();
    for (QueryRequest q : pending) {
      var m = q.signed().message();
      byte[] id = m.requestId();
      CanisterId target;
      try {
        target = CanisterId.fromBytes(m.canisterId());
      } catch (IllegalArgumentException e) {
        out.add(refused(certified.height(), id, "not a canister id"));
        continue;
      }
      if (!state.canisters().containsKey(target)) {
        out.add(refused(certified.height(), id, "canister " + target + " not found"));
        continue;
      }
      ExecutionResult r = execution.query(state, target, m.sender().toBytes(), m.methodName(),
          m.arg());
      byte[] certificate = certified.certificate(List.of(
          List.of(utf8("canister"), target.toBytes(), utf8("certified_data")),
          List.of(utf8("time"))), delegation).encode();
      if (r.outcome() instanceof ExecutionResult.Replied rep) {
        out.add(new Answer(certified.height(), id, true, rep.data(), "", certificate));
      } else {
        String why = r.outcome() instanceof ExecutionResult.Rejected rej ? rej.message()
            : "the query did not reply";
        out.add(new Answer(certified.height(), id, false, new byte[0], why, certificate));
      }
    }
    pending.clear();
    return out;
  }

  private static Answer refused(long height, byte[] id, String why) {
    return new Answer(height, id, false, new byte[0], why, new byte[0]);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
