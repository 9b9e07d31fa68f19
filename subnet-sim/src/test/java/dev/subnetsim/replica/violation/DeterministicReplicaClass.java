package dev.subnetsim.replica.violation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fixture in a replica package with the ordered collections the rules allow (never run). */
public final class DeterministicReplicaClass {
  private final TreeMap<String, Integer> sortedField = new TreeMap<>();

  public int ordered(List<Integer> items) {
    Map<Integer, Integer> sorted = new TreeMap<>();
    Map<Integer, Integer> inserted = new LinkedHashMap<>();
    TreeSet<Integer> set = items.stream().collect(Collectors.toCollection(TreeSet::new));
    Map<Integer, Integer> byValue = items.stream().collect(Collectors.toMap(Function.identity(),
        Function.identity(), Integer::sum, TreeMap::new));
    return sortedField.size() + sorted.size() + inserted.size() + set.size() + byValue.size();
  }
}
