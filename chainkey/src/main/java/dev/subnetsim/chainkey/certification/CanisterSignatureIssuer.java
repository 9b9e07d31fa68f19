package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.ic.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signing canister's side of canister signatures (what Internet Identity's signature map
 * does): it records {@code (seed, message)} pairs in the tree
 * {@code Labeled("sig", {sha256(seed): {sha256(msg): Leaf("")}})}, sets that tree's root hash as
 * its {@code certified_data}, and, once a certificate of that certified data exists, hands out
 * {@code 55799({certificate, witness})} where the witness reveals only the requested leaf.
 *
 * <p>Simplified relative to Internet Identity: no expiry/pruning of old entries, and the tree holds
 * only the {@code sig} subtree (II forks it with its asset hashes); the verification rule is the
 * same.
 */
public final class CanisterSignatureIssuer {

  private final Principal canisterId;
  private final TreeMap<byte[], TreeSet<byte[]>> entries = new TreeMap<>(Arrays::compareUnsigned);

  public CanisterSignatureIssuer(Principal canisterId) {
    this.canisterId = Objects.requireNonNull(canisterId, "canisterId");
  }

  public Principal canisterId() {
    return canisterId;
  }

  public CanisterSigPublicKey publicKey(byte[] seed) {
    return new CanisterSigPublicKey(canisterId, seed);
  }

  /** Records that this canister signs {@code message} under {@code seed}. */
  public void add(byte[] seed, byte[] message) {
    entries.computeIfAbsent(CanisterSignatureVerifier.sha256(seed), k -> new TreeSet<>(Arrays::compareUnsigned))
        .add(CanisterSignatureVerifier.sha256(message));
  }

  /** The full signature tree. */
  public HashTree tree() {
    List<Map.Entry<byte[], HashTree>> seeds = new ArrayList<>();
    for (Map.Entry<byte[], TreeSet<byte[]>> e : entries.entrySet()) {
      List<Map.Entry<byte[], HashTree>> msgs = new ArrayList<>();
      for (byte[] m : e.getValue()) {
        msgs.add(Map.entry(m, HashTree.leaf(new byte[0])));
      }
      seeds.add(Map.entry(e.getKey(), HashTreeBuilder.forest(msgs)));
    }
    return HashTree.labeled("sig", HashTreeBuilder.forest(seeds));
  }

  /** What the canister sets as its certified data: the signature tree's root hash. */
  public byte[] certifiedData() {
    return tree().digest();
  }

  /** The signature tree pruned to the one leaf of {@code (seed, message)}. */
  public HashTree witness(byte[] seed, byte[] message) {
    byte[] s = CanisterSignatureVerifier.sha256(seed);
    byte[] m = CanisterSignatureVerifier.sha256(message);
    TreeSet<byte[]> msgs = entries.get(s);
    if (msgs == null || !msgs.contains(m)) {
      throw new IllegalArgumentException("no signature recorded for this seed and message");
    }
    return Witness.prune(tree(), List.of(List.of("sig".getBytes(java.nio.charset.StandardCharsets.UTF_8), s, m)));
  }

  /**
   * The encoded signature, given a certificate (CBOR) whose tree has this canister's
   * {@code certified_data} equal to {@link #certifiedData()}.
   */
  public byte[] signature(byte[] certificate, byte[] seed, byte[] message) {
    return new CanisterSignature(certificate, witness(seed, message)).encode();
  }
}
