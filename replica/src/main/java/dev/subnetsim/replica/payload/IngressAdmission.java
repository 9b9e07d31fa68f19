package dev.subnetsim.replica.payload;

import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import java.util.Optional;

/**
 * What a replica checks before a client's message enters its ingress pool (the IC's ingress
 * manager validates before the validated pool): it must be a client message (a signed update call
 * or load signed by the load client, not a payload item only replicas make), and a signed call must be well signed
 * and within its expiry window at the replica's time. A block maker then never includes a message
 * it could have known to be invalid, so execution's rejections stay attributable to it.
 */
public final class IngressAdmission {
  private IngressAdmission() {}

  /**
   * Why a message is refused.
   *
   * @param relayFault true if a replica that relays it is at fault (honest ones check first);
   *     false for expiry, which depends on the replica's clock
   */
  public record Refusal(String reason, boolean relayFault) {}

  /**
   * Checks a client's message at the replica's time {@code nowNanos}; load must carry the
   * signature of the load client {@code load} checks.
   */
  public static Optional<Refusal> check(byte[] message, long nowNanos, LoadClient.Verifier load) {
    return check(message, nowNanos, load, Optional.empty());
  }

  /**
   * As {@link #check(byte[], long, LoadClient.Verifier)}, verifying canister signatures (a
   * sender's or a delegation's) under the root key {@code rootKeyDer}.
   */
  public static Optional<Refusal> check(byte[] message, long nowNanos, LoadClient.Verifier load,
      Optional<byte[]> rootKeyDer) {
    PayloadItem item;
    try {
      item = PayloadItem.decode(message);
    } catch (MalformedPayloadItemException e) {
      return Optional.of(new Refusal(malformed(e.getMessage()), true));
    }
    return check(item, nowNanos, load, rootKeyDer);
  }

  /** As {@link #check(byte[], long, LoadClient.Verifier)}, for a message already decoded. */
  public static Optional<Refusal> check(PayloadItem item, long nowNanos,
      LoadClient.Verifier load) {
    return check(item, nowNanos, load, Optional.empty());
  }

  /** As {@link #check(byte[], long, LoadClient.Verifier, Optional)}, for a decoded message. */
  public static Optional<Refusal> check(PayloadItem item, long nowNanos,
      LoadClient.Verifier load, Optional<byte[]> rootKeyDer) {
    if (item instanceof PayloadItem.Workload w) {
      return load.verifies(w) ? Optional.empty()
          : Optional.of(new Refusal("load not signed by the load client", true));
    }
    if (!(item instanceof PayloadItem.Ingress i)) {
      return Optional.of(new Refusal(notSubmittable(item.getClass().getSimpleName()), true));
    }
    if (i.signed().message().isQuery()) {
      return Optional.of(new Refusal("a query is not an update call", true));
    }
    try {
      IngressValidator.validate(i.signed(), nowNanos, rootKeyDer);
      return Optional.empty();
    } catch (InvalidIngressException e) {
      return Optional.of(new Refusal("invalid ingress: " + e.getMessage(), !e.expired()));
    }
  }

  /** Why a message that does not decode is refused. */
  public static String malformed(String why) {
    return "malformed ingress: " + why;
  }

  /** Why a payload item of simple type name {@code item} is refused as a client's message. */
  public static String notSubmittable(String item) {
    return "a client may not submit a " + item + " payload item";
  }
}
