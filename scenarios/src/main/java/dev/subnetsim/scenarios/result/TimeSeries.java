package dev.subnetsim.scenarios.result;

import java.util.ArrayList;
import java.util.List;

/** Points (virtual seconds, value) in time order. */
public record TimeSeries(List<double[]> points) {
  public TimeSeries {
    points = List.copyOf(points);
  }

  /** Collects points; a value equal to the last one at the same time is not repeated. */
  public static final class Builder {
    private final List<double[]> points = new ArrayList<>();

    public Builder add(double atSeconds, double value) {
      points.add(new double[] {atSeconds, value});
      return this;
    }

    public TimeSeries build() {
      return new TimeSeries(points);
    }
  }
}
