package dev.subnetsim.replica.violation;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Fixture in a replica package that breaks every determinism rule once (never run). */
public final class ViolatingReplicaClass {
  private final HashMap<String, Integer> byHash = null;

  public long everything(List<Integer> items) throws NoSuchAlgorithmException {
    SecureRandom entropy = new SecureRandom();
    SecureRandom strong = SecureRandom.getInstanceStrong();
    long sum = entropy.nextLong() + strong.nextLong() + ThreadLocalRandom.current().nextLong();
    sum += items.parallelStream().mapToLong(Integer::longValue).sum();
    sum += items.stream().parallel().count();
    sum += System.nanoTime() + LocalDateTime.now().getNano();
    Map<Integer, Integer> map = new HashMap<>();
    Supplier<Set<Integer>> sets = HashSet::new;
    Set<Integer> collected = items.stream().collect(Collectors.toSet());
    int held = byHash == null ? 0 : byHash.size();
    return sum + held + map.size() + sets.get().size() + collected.size();
  }
}
