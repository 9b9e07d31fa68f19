package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.ic.Leb128;
import dev.subnetsim.chainkey.ic.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An IC certificate (interface spec, "Certificate", "Encoding of certificates"): a hash tree, a BLS
 * signature on its root hash, and an optional delegation. CBOR:
 * {@code 55799({"tree": tree, "signature": bytes, "delegation"?: {"subnet_id": bytes, "certificate": bytes}})};
 * the self-describe tag is written on encoding and optional on decoding.
 */
public record Certificate(HashTree tree, byte[] signature, Optional<CertificateDelegation> delegation) {

  public Certificate {
    Objects.requireNonNull(tree, "tree");
    signature = signature.clone();
    Objects.requireNonNull(delegation, "delegation");
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public byte[] rootHash() {
    return tree.digest();
  }

  public LookupResult lookup(String... path) {
    return tree.lookup(path);
  }

  /** {@code /time} in nanoseconds since the epoch (an unsigned LEB128 leaf), if present and well formed. */
  public OptionalLong time() {
    if (!(tree.lookup("time") instanceof LookupResult.Found f)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Leb128.decodeUnsignedLong(f.value()));
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
  }

  public byte[] encode() {
    Map<String, CborValue> m = new LinkedHashMap<>();
    m.put("tree", HashTreeCbor.toCbor(tree));
    m.put("signature", new CborValue.Bytes(signature));
    delegation.ifPresent(d -> {
      Map<String, CborValue> dm = new LinkedHashMap<>();
      dm.put("subnet_id", new CborValue.Bytes(d.subnetId().toBytes()));
      dm.put("certificate", new CborValue.Bytes(d.certificate()));
      m.put("delegation", new CborValue.MapValue(dm));
    });
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(m)));
  }

  /**
   * @throws MalformedCborException for bad CBOR, a missing or mistyped field, or an unknown field
   */
  public static Certificate decode(byte[] bytes) {
    CborValue v = CborValue.stripSelfDescribe(CborReader.decode(bytes));
    if (!(v instanceof CborValue.MapValue m)) {
      throw new MalformedCborException("certificate is not a CBOR map");
    }
    for (String key : m.entries().keySet()) {
      if (!key.equals("tree") && !key.equals("signature") && !key.equals("delegation")) {
        throw new MalformedCborException("certificate has an unknown field '" + key + "'");
      }
    }
    CborValue tree = m.entries().get("tree");
    if (tree == null) {
      throw new MalformedCborException("certificate has no 'tree'");
    }
    byte[] sig = bytesField(m, "signature", "certificate");
    Optional<CertificateDelegation> delegation = Optional.empty();
    CborValue d = m.entries().get("delegation");
    if (d != null) {
      if (!(d instanceof CborValue.MapValue dm)) {
        throw new MalformedCborException("certificate 'delegation' is not a CBOR map");
      }
      byte[] subnet = bytesField(dm, "subnet_id", "delegation");
      byte[] cert = bytesField(dm, "certificate", "delegation");
      Principal subnetId;
      try {
        subnetId = Principal.fromBytes(subnet);
      } catch (IllegalArgumentException e) {
        throw new MalformedCborException("delegation 'subnet_id' is not a principal: " + e.getMessage());
      }
      delegation = Optional.of(new CertificateDelegation(subnetId, cert));
    }
    return new Certificate(HashTreeCbor.fromCbor(tree), sig, delegation);
  }

  private static byte[] bytesField(CborValue.MapValue m, String field, String what) {
    CborValue v = m.entries().get(field);
    if (v == null) {
      throw new MalformedCborException(what + " has no '" + field + "'");
    }
    if (!(v instanceof CborValue.Bytes b)) {
      throw new MalformedCborException(what + " '" + field + "' is not a CBOR byte string");
    }
    return b.value();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Certificate c && tree.equals(c.tree) && Arrays.equals(signature, c.signature)
        && delegation.equals(c.delegation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tree, Arrays.hashCode(signature), delegation);
  }
}
