package dev.subnetsim.consensus.types;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of message replicas send each other: the one wire vocabulary. It lives here, in the
 * lowest module that speaks the wire, because consensus names its own kinds and the adversary plan
 * (also here) selects kinds; the replica owns the codecs of the other kinds and routes every kind
 * to a component. The wire names are stable: they are framed on the link (so they count in
 * message sizes), traced, hashed and written in scenario files ({@code kinds:} of an arbitrary
 * node).
 */
public enum MessageKind {
  BLOCK_PROPOSAL("block-proposal", true),
  DKG_ITEM("dkg-item", true),
  BEACON_SHARE("beacon-share", true),
  RANDOM_BEACON("random-beacon", true),
  NOTARIZATION_SHARE("notarization-share", true),
  NOTARIZATION("notarization", true),
  FINALIZATION_SHARE("finalization-share", true),
  FINALIZATION("finalization", true),
  CERTIFICATION_SHARE("certification-share", true),
  CERTIFICATION("certification", true),
  CUP_SHARE("cup-share", true),
  EQUIVOCATION_PROOF("equivocation-proof", true),
  CUP_REQUEST("cup-request", true),
  CUP_RESPONSE("cup-response", true),
  INGRESS("ingress", false, true),
  XNET_SLICE("xnet-slice", false, false),
  CHAINKEY_SHARE("chainkey-share", false, true),
  RESHARE_DEALING("reshare-dealing", false, false),
  PRESIGNATURE_DEALING("presignature-dealing", false, true),
  DELEGATION_REQUEST("delegation-request", false, false),
  DELEGATION("delegation", false, false);

  /**
   * Orders kinds by wire name: where a seeded choice ranges over kinds (the arbitrary adversary's
   * mislabelling), this order keeps the draws what they were when kinds were strings.
   */
  public static final Comparator<MessageKind> BY_WIRE_NAME =
      Comparator.comparing(MessageKind::wireName);

  private final String wireName;
  private final boolean consensus;
  private final boolean subnetLocal;

  /** A consensus kind: its body is a consensus artifact, exchanged within one subnet only. */
  MessageKind(String wireName, boolean consensus) {
    this(wireName, consensus, true);
  }

  MessageKind(String wireName, boolean consensus, boolean subnetLocal) {
    this.wireName = wireName;
    this.consensus = consensus;
    this.subnetLocal = subnetLocal;
  }

  /** The stable name on the wire, in traces and in scenario files. */
  public String wireName() {
    return wireName;
  }

  /** Whether this is a consensus artifact (consensus.wire.MessageCodec's protobuf form). */
  public boolean isConsensus() {
    return consensus;
  }

  /**
   * Whether only members of the receiver's own subnet send this kind (consensus artifacts, ingress
   * gossip, chain-key signature shares, presignature dealings), as on the IC, where a node accepts
   * these only over connections to its subnet's members. The others cross subnets: xnet slices,
   * reshare dealings from a backup subnet, the root's delegations.
   */
  public boolean isSubnetLocal() {
    return subnetLocal;
  }

  /** The kinds whose bodies are consensus artifacts. */
  public static Set<MessageKind> consensusKinds() {
    EnumSet<MessageKind> out = EnumSet.noneOf(MessageKind.class);
    for (MessageKind k : values()) {
      if (k.consensus) {
        out.add(k);
      }
    }
    return out;
  }

  /** The kind named {@code wireName}, or empty if there is none (bytes from a peer or a file). */
  public static Optional<MessageKind> fromWireName(String wireName) {
    for (MessageKind k : values()) {
      if (k.wireName.equals(wireName)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The wire name, so that messages and rejection reasons read as before. */
  @Override
  public String toString() {
    return wireName;
  }
}
