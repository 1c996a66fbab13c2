package org.alongside.outcomes.dashboard;

/**
 * The 95% confidence interval of a mean from the count, sum and sum of squares of its values (what the per-day
 * tables keep), with Student's t distribution on n - 1 degrees of freedom: mean +- t(0.975, n-1) * s / sqrt(n).
 */
public final class Statistics {

    private Statistics() {
    }

    /** A mean and its 95% confidence interval; the interval is null for fewer than two values. */
    public record Mean(double mean, Double lower, Double upper) {
    }

    /** Null for no values. */
    public static Mean mean(long n, double sum, double sumOfSquares) {
        if (n == 0) {
            return null;
        }
        double mean = sum / n;
        if (n < 2) {
            return new Mean(mean, null, null);
        }
        // the sum of squared deviations, never below 0 however the sums were rounded
        double deviations = Math.max(0, sumOfSquares - sum * sum / n);
        double halfWidth = tQuantile975(n - 1) * Math.sqrt(deviations / (n - 1)) / Math.sqrt(n);
        return new Mean(mean, mean - halfWidth, mean + halfWidth);
    }

    /** The 97.5th percentile of Student's t distribution, by bisection on its distribution function. */
    public static double tQuantile975(long degreesOfFreedom) {
        double low = 0;
        double high = 1;
        while (tDistribution(high, degreesOfFreedom) < 0.975) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12; i++) {
            double middle = (low + high) / 2;
            if (tDistribution(middle, degreesOfFreedom) < 0.975) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(T <= t) for t >= 0: 1 - I_x(v/2, 1/2) / 2 with x = v / (v + t^2). */
    static double tDistribution(double t, long degreesOfFreedom) {
        double v = degreesOfFreedom;
        return 1 - 0.5 * regularizedBeta(v / (v + t * t), v / 2, 0.5);
    }

    /** The regularized incomplete beta function I_x(a, b), by its continued fraction (Lentz's method). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        // the continued fraction converges fast below (a + 1) / (a + b + 2); use the symmetry above it
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedBeta(1 - x, b, a);
        }
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double f = d;
        for (int m = 1; m <= 10_000; m++) {
            double numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + numerator * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + numerator / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            f *= d * c;
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + numerator * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + numerator / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double step = d * c;
            f *= step;
            if (Math.abs(step - 1) < 1e-15) {
                break;
            }
        }
        return front * f / a;
    }

    /** ln Gamma(x) for x > 0 (Lanczos approximation, g = 7, nine coefficients). */
    static double logGamma(double x) {
        double[] coefficients = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
