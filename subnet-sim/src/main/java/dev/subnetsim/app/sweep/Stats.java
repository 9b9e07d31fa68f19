package dev.subnetsim.app.sweep;

import java.util.List;

/**
 * Mean and two-sided confidence interval of a sample, with Student's t (the seeds of a sweep point
 * are a handful of independent runs, too few for the normal approximation).
 *
 * @param low the interval's lower end; equal to the mean when there is a single value
 */
public record Stats(int n, double mean, double low, double high) {

  /** The mean and 95% interval of {@code values} (at least one). */
  public static Stats of(List<Double> values) {
    int n = values.size();
    if (n == 0) {
      throw new IllegalArgumentException("no values");
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n == 1) {
      return new Stats(1, mean, mean, mean);
    }
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double half = tQuantile(0.975, n - 1) * Math.sqrt(squares / (n - 1) / n);
    return new Stats(n, mean, mean - half, mean + half);
  }

  /** The {@code p} quantile (p > 0.5) of Student's t with {@code df} degrees of freedom. */
  static double tQuantile(double p, int df) {
    double lo = 0;
    double hi = 1;
    while (tCdf(hi, df) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (tCdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** P(T <= t) for t >= 0: 1 - I_x(df/2, 1/2) / 2 with x = df / (df + t^2). */
  static double tCdf(double t, int df) {
    return 1 - 0.5 * regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
  }

  /** I_x(a, b) by its continued fraction (modified Lentz), with the symmetry for large x. */
  private static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x)
        + b * Math.log(1 - x));
    if (x > (a + 1) / (a + b + 2)) {
      return 1 - front * continuedFraction(1 - x, b, a) / b;
    }
    return front * continuedFraction(x, a, b) / a;
  }

  private static double continuedFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double f = d;
    for (int m = 1; m <= 300; m++) {
      for (int half = 0; half < 2; half++) {
        double num = half == 0 ? m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            : -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
        d = 1 + num * d;
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        c = 1 + num / c;
        c = Math.abs(c) < tiny ? tiny : c;
        f *= c * d;
      }
      if (Math.abs(c * d - 1) < 1e-15) {
        break;
      }
    }
    return f;
  }

  /** ln Γ(z) for z > 0 (Lanczos, g = 7, nine coefficients; about 15 significant digits). */
  private static double logGamma(double z) {
    double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    if (z < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
    }
    z -= 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) {
      sum += g[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
