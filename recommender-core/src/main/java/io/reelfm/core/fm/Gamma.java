package io.reelfm.core.fm;

import java.util.SplittableRandom;

/** The two non-Gaussian draws the Gibbs sampler needs, on a caller-owned seeded generator. */
final class Gamma {

    private Gamma() {
    }

    /** Gamma(shape, rate) by Marsaglia and Tsang (2000); shape below 1 via the power boost. */
    static double sample(double shape, double rate, SplittableRandom rnd) {
        if (shape < 1) {
            return sample(shape + 1, rate, rnd) * Math.pow(rnd.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = rnd.nextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v / rate;
            }
        }
    }

    /**
     * A draw of N(mean, 1) restricted to z > 0 ({@code positive}) or z < 0: rejection from the
     * normal when the bound is on the near side, else Robert's (1995) exponential proposal.
     */
    static double truncatedNormal(double mean, boolean positive, SplittableRandom rnd) {
        double a = positive ? -mean : mean;
        double z;
        if (a < 0.5) {
            do {
                z = rnd.nextGaussian();
            } while (z <= a);
        } else {
            double lam = (a + Math.sqrt(a * a + 4)) / 2;
            while (true) {
                z = a - Math.log(1 - rnd.nextDouble()) / lam;
                double rho = Math.exp(-(z - lam) * (z - lam) / 2);
                if (rnd.nextDouble() <= rho) {
                    break;
                }
            }
        }
        return positive ? mean + z : mean - z;
    }
}
