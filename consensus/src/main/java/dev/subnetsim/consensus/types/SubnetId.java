package dev.subnetsim.consensus.types;

/** A subnet's name in a simulated topology (e.g. "root", "signing", "app-1"); ordered by name. */
public record SubnetId(String name) implements Comparable<SubnetId> {
  public SubnetId {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("subnet id must be a non-empty name");
    }
  }

  @Override
  public int compareTo(SubnetId other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
