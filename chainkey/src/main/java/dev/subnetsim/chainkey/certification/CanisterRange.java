package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.ic.Principal;
import java.util.Objects;

/** A closed interval of principals in the spec's lexicographic order (interface spec, "Subnet information"). */
public record CanisterRange(Principal start, Principal end) {

  public CanisterRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (start.compareTo(end) > 0) {
      throw new IllegalArgumentException("canister range start " + start + " is above its end " + end);
    }
  }

  public boolean contains(Principal p) {
    return start.compareTo(p) <= 0 && p.compareTo(end) <= 0;
  }
}
