package dev.subnetsim.chainkey.certification;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A canister signature (interface spec, "Canister signatures"):
 * {@code 55799({"certificate": bytes, "tree": hash-tree})}: a certificate of the signing canister's
 * {@code certified_data} and the tree whose root hash that is, containing the signature leaf.
 */
public record CanisterSignature(byte[] certificate, HashTree tree) {

  public CanisterSignature {
    certificate = certificate.clone();
    Objects.requireNonNull(tree, "tree");
  }

  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  public byte[] encode() {
    Map<String, CborValue> m = new LinkedHashMap<>();
    m.put("certificate", new CborValue.Bytes(certificate));
    m.put("tree", HashTreeCbor.toCbor(tree));
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(m)));
  }

  /** @throws MalformedCborException if not a (tagged) map with exactly a certificate blob and a tree */
  public static CanisterSignature decode(byte[] bytes) {
    CborValue v = CborValue.stripSelfDescribe(CborReader.decode(bytes));
    if (!(v instanceof CborValue.MapValue m)) {
      throw new MalformedCborException("canister signature is not a CBOR map");
    }
    if (!(m.entries().get("certificate") instanceof CborValue.Bytes cert)) {
      throw new MalformedCborException("canister signature has no 'certificate' byte string");
    }
    CborValue tree = m.entries().get("tree");
    if (tree == null || m.entries().size() != 2) {
      throw new MalformedCborException("canister signature must have exactly the fields 'certificate' and 'tree'");
    }
    return new CanisterSignature(cert.value(), HashTreeCbor.fromCbor(tree));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanisterSignature s && Arrays.equals(certificate, s.certificate) && tree.equals(s.tree);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(certificate) + tree.hashCode();
  }
}
