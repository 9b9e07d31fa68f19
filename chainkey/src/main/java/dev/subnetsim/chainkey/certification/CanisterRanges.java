package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.ic.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoding of a subnet's canister ranges (interface spec, "Subnet information" and "Canister
 * ranges"): {@code 55799([* [principal, principal]])}, principals as byte strings, ranges in
 * increasing order. Used for {@code /subnet/<id>/canister_ranges} (the form agent-js 3.4.3 checks)
 * and for each shard at {@code /canister_ranges/<id>/<first canister>}.
 */
public final class CanisterRanges {
  private CanisterRanges() {}

  public static byte[] encode(List<CanisterRange> ranges) {
    List<CborValue> items = new ArrayList<>(ranges.size());
    for (CanisterRange r : ranges) {
      items.add(new CborValue.Array(List.of(
          new CborValue.Bytes(r.start().toBytes()), new CborValue.Bytes(r.end().toBytes()))));
    }
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.Array(items)));
  }

  /** @throws MalformedCborException if not a (tagged) list of [start, end] principal pairs */
  public static List<CanisterRange> decode(byte[] bytes) {
    CborValue v = CborValue.stripSelfDescribe(CborReader.decode(bytes));
    if (!(v instanceof CborValue.Array a)) {
      throw new MalformedCborException("canister ranges are not a CBOR array");
    }
    List<CanisterRange> out = new ArrayList<>(a.items().size());
    for (CborValue item : a.items()) {
      if (!(item instanceof CborValue.Array pair) || pair.items().size() != 2
          || !(pair.items().get(0) instanceof CborValue.Bytes s)
          || !(pair.items().get(1) instanceof CborValue.Bytes e)) {
        throw new MalformedCborException("canister range is not a pair of principal byte strings: " + item);
      }
      try {
        out.add(new CanisterRange(Principal.fromBytes(s.value()), Principal.fromBytes(e.value())));
      } catch (IllegalArgumentException ex) {
        throw new MalformedCborException("bad canister range: " + ex.getMessage());
      }
    }
    return out;
  }

  public static boolean contains(List<CanisterRange> ranges, Principal canisterId) {
    return ranges.stream().anyMatch(r -> r.contains(canisterId));
  }
}
