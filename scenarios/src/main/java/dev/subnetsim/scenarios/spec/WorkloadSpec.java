package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.SubnetId;
import java.util.List;

/**
 * Load: plain ingress, installed example canisters and chain-key request streams; the presignature
 * stash per ECDSA curve and Schnorr algorithm ({@link #AUTO_STASH}: sized to the load), whether the
 * setup ceremony prefills it and how many presignatures per key the background refill makes at
 * once, and how many chain-key requests per method may be pending; how many user stories per
 * second each listed example canister is driven with; and the Wasm canisters installed at genesis.
 */
public record WorkloadSpec(double ingressPerSecond, SubnetId ingressSubnet, List<String> canisters,
    List<RequestStream> requests, int presignatureStash, double canisterStoriesPerSecond,
    boolean presignaturePrefill, int presignaturesInFlight, int requestQueueLimit,
    List<WasmCanisterSpec> wasmCanisters) {
  public static final int AUTO_STASH = -1;
  public static final double DEFAULT_STORY_RATE = 0.2;
  public static final int DEFAULT_IN_FLIGHT = 8;
  /** Chain-key requests pending per method beyond which the management canister rejects. */
  public static final int DEFAULT_QUEUE_LIMIT = 64;

  public WorkloadSpec {
    if (!(ingressPerSecond >= 0) || Double.isInfinite(ingressPerSecond)) {
      throw new IllegalArgumentException("ingress rate must be finite and >= 0: " + ingressPerSecond);
    }
    if (!(canisterStoriesPerSecond >= 0) || Double.isInfinite(canisterStoriesPerSecond)) {
      throw new IllegalArgumentException("story rate must be finite and >= 0: "
          + canisterStoriesPerSecond);
    }
    canisters = List.copyOf(canisters);
    requests = List.copyOf(requests);
    wasmCanisters = List.copyOf(wasmCanisters);
  }

  /** Without Wasm canisters. */
  public WorkloadSpec(double ingressPerSecond, SubnetId ingressSubnet, List<String> canisters,
      List<RequestStream> requests, int presignatureStash, double canisterStoriesPerSecond,
      boolean presignaturePrefill, int presignaturesInFlight, int requestQueueLimit) {
    this(ingressPerSecond, ingressSubnet, canisters, requests, presignatureStash,
        canisterStoriesPerSecond, presignaturePrefill, presignaturesInFlight, requestQueueLimit,
        List.of());
  }

  public WorkloadSpec(double ingressPerSecond, SubnetId ingressSubnet, List<String> canisters,
      List<RequestStream> requests) {
    this(ingressPerSecond, ingressSubnet, canisters, requests, AUTO_STASH, DEFAULT_STORY_RATE,
        true, DEFAULT_IN_FLIGHT, DEFAULT_QUEUE_LIMIT);
  }

  public static WorkloadSpec none() {
    return new WorkloadSpec(0, null, List.of(), List.of());
  }

  /** A Poisson stream of chain-key requests sent from a subnet's canisters, optionally ramped. */
  public record RequestStream(RequestKind kind, double perSecond, double rampToPerSecond,
      SubnetId fromSubnet) {
    public RequestStream {
      if (!(perSecond > 0) || Double.isInfinite(perSecond)
          || !(rampToPerSecond >= 0) || Double.isInfinite(rampToPerSecond)) {
        throw new IllegalArgumentException("request rates must be finite, the rate positive: "
            + perSecond + ", ramp to " + rampToPerSecond);
      }
    }
  }

  public enum RequestKind {
    SIGN_WITH_ECDSA, SIGN_WITH_SCHNORR, VETKD_DERIVE_KEY, ECDH_DERIVE, DOCUMENT_KEY_RETRIEVE,
    CANISTER_SIGNATURE
  }
}
