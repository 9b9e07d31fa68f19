package dev.subnetsim.app.sweep;

import java.util.List;

/**
 * What an experiment expects of a metric as one swept field grows, checked on each line of the
 * chart (each combination of the other fields' values) over the means across seeds.
 */
public sealed interface Expectation {
  String metric();

  String field();

  /** The expectation as a sentence, for verdicts. */
  String describe();

  /** Each line's means strictly rise ({@code increasing}) or fall along the field's values. */
  record Monotone(String metric, String field, boolean increasing) implements Expectation {
    @Override
    public String describe() {
      return metric + " " + (increasing ? "increases" : "decreases") + " with " + field;
    }
  }

  /**
   * The least-squares slope of the metric (every run) against the field's value, in the metric's
   * unit per the field's base unit (seconds for durations, a fraction for percentages, per second
   * for rates), lies in [min, max] on every line.
   */
  record Slope(String metric, String field, double min, double max) implements Expectation {
    @Override
    public String describe() {
      return "slope of " + metric + " against " + field + " in [" + SvgPlot.num(min) + ", "
          + SvgPlot.num(max) + "]";
    }
  }

  /**
   * A model's prediction: on every line, the mean over seeds at the field's i-th value (in the
   * order the experiment lists the values) lies within {@code within} (a fraction of the
   * prediction) of {@code predicted[i]}.
   */
  record Predicted(String metric, String field, List<Double> predicted, double within)
      implements Expectation {
    public Predicted {
      predicted = List.copyOf(predicted);
    }

    @Override
    public String describe() {
      return metric + " within " + SvgPlot.num(within * 100) + "% of "
          + predicted.stream().map(SvgPlot::num).toList() + " along " + field;
    }
  }
}
