package dev.subnetsim.app.sweep;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/**
 * The swept fields and how their values combine: the product of all values (the default), or with
 * {@code zip} the i-th values of every field together (all fields then need as many values).
 */
public record SweepGrid(List<SweepAxis> axes, boolean zip) {
  /** Every point is read and validated up front; a typo should not plan a million of them. */
  static final int MAX_POINTS = 10_000;

  public SweepGrid {
    axes = List.copyOf(axes);
    long points = 1;
    for (SweepAxis a : axes) {
      points = zip ? a.values().size() : points * a.values().size();
      if (points > MAX_POINTS) {
        throw new ScenarioException(a.origin(), 0, a.path(), "the grid would have more than "
            + MAX_POINTS + " points");
      }
    }
    List<String> paths = axes.stream().map(SweepAxis::path).toList();
    for (SweepAxis a : axes) {
      if (paths.indexOf(a.path()) != paths.lastIndexOf(a.path())) {
        throw new ScenarioException(a.origin(), 0, a.path(), "is swept twice");
      }
    }
    for (SweepAxis odd : axes) {
      SweepAxis first = axes.get(0);
      if (zip && odd.values().size() != first.values().size()) {
        throw new ScenarioException(odd.origin(), 0, odd.path(), "--zip needs the same number "
            + "of values for every field: " + first.path() + " has " + first.values().size()
            + ", " + odd.path() + " has " + odd.values().size());
      }
    }
  }

  public List<String> paths() {
    return axes.stream().map(SweepAxis::path).toList();
  }

  /** The points, the first field varying slowest (or, zipped, in value order). */
  public List<SweepPoint> points() {
    List<SweepPoint> out = new ArrayList<>();
    if (zip) {
      int count = axes.isEmpty() ? 1 : axes.get(0).values().size();
      for (int i = 0; i < count; i++) {
        int at = i;
        out.add(new SweepPoint(paths(), axes.stream().map(a -> a.values().get(at)).toList()));
      }
      return out;
    }
    product(0, new ArrayList<>(), out);
    return out;
  }

  private void product(int axis, List<String> chosen, List<SweepPoint> out) {
    if (axis == axes.size()) {
      out.add(new SweepPoint(paths(), chosen));
      return;
    }
    for (String v : axes.get(axis).values()) {
      chosen.add(v);
      product(axis + 1, chosen, out);
      chosen.remove(chosen.size() - 1);
    }
  }
}
