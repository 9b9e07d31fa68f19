package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects every {@link Scalar} reachable from some roots: all instance fields of the project's
 * classes (by reflection, private ones included), the elements of collections, maps, optionals and
 * arrays. Used to check that no party's state contains the master secret.
 */
final class SecretScan {
  private SecretScan() {}

  static List<Scalar> scalarsReachableFrom(Object... roots) {
    List<Scalar> found = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object r : roots) {
      walk(r, found, seen);
    }
    return found;
  }

  private static void walk(Object o, List<Scalar> found, Set<Object> seen) {
    if (o == null || !seen.add(o)) {
      return;
    }
    if (o instanceof Scalar s) {
      found.add(s);
      return;
    }
    if (o instanceof G1Point || o instanceof G2Point || o instanceof String || o instanceof Number
        || o instanceof byte[] || o instanceof Enum<?> || o instanceof Boolean) {
      return; // public points and plain values hold no scalars
    }
    if (o instanceof Iterable<?> it) {
      it.forEach(e -> walk(e, found, seen));
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        walk(k, found, seen);
        walk(v, found, seen);
      });
      return;
    }
    if (o instanceof Optional<?> opt) {
      opt.ifPresent(v -> walk(v, found, seen));
      return;
    }
    if (o instanceof Object[] arr) {
      for (Object e : arr) {
        walk(e, found, seen);
      }
      return;
    }
    Class<?> c = o.getClass();
    if (!c.getName().startsWith("dev.subnetsim.")) {
      throw new IllegalStateException("SecretScan does not know how to look inside " + c.getName());
    }
    for (; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        f.setAccessible(true);
        try {
          walk(f.get(o), found, seen);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
