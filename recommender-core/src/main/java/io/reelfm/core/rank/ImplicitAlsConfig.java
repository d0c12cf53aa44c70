package io.reelfm.core.rank;

/**
 * Settings of {@link ImplicitAls}. Regularisation and the unobserved weight have no good constant
 * default across data sets (they scale with density and catalogue size), which is why
 * {@link RankingTuner} chooses them on a validation slice of the data at hand; the values here
 * are only where that search is centred.
 *
 * @param factors    k, the size of user and item vectors
 * @param iterations alternating sweeps (each solves every user row, then every item row)
 * @param prior      loss weighting and regularisation
 * @param weight     confidence of one rating as an interaction
 * @param cgSteps    conjugate-gradient steps per row and sweep, warm-started from the row's last value
 *                   (Takacs et al. 2011); 0 solves each row exactly by Cholesky
 * @param seed       initialisation
 */
public record ImplicitAlsConfig(int factors, int iterations, ImplicitPrior prior, InteractionWeight weight, int cgSteps,
                                long seed) {

    /** k = 64, 16 sweeps, 3 CG steps: the start point the tuner searches around. */
    public static ImplicitAlsConfig defaults() {
        return new ImplicitAlsConfig(64, 16, new ImplicitPrior(0.01, 0.5, 1.0), InteractionWeight.UNIFORM, 3, 42);
    }

    public ImplicitAlsConfig {
        if (factors < 1 || factors > 1024) {
            throw new IllegalArgumentException("factors must be 1..1024, got " + factors);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (cgSteps < 0) {
            throw new IllegalArgumentException("cgSteps must be >= 0, got " + cgSteps);
        }
        java.util.Objects.requireNonNull(prior, "prior");
        java.util.Objects.requireNonNull(weight, "weight");
    }

    public ImplicitAlsConfig withPrior(ImplicitPrior p) {
        return new ImplicitAlsConfig(factors, iterations, p, weight, cgSteps, seed);
    }

    public ImplicitAlsConfig withFactors(int k) {
        return new ImplicitAlsConfig(k, iterations, prior, weight, cgSteps, seed);
    }

    public ImplicitAlsConfig withIterations(int n) {
        return new ImplicitAlsConfig(factors, n, prior, weight, cgSteps, seed);
    }

    public ImplicitAlsConfig withWeight(InteractionWeight w) {
        return new ImplicitAlsConfig(factors, iterations, prior, w, cgSteps, seed);
    }

    public ImplicitAlsConfig withSeed(long s) {
        return new ImplicitAlsConfig(factors, iterations, prior, weight, cgSteps, s);
    }
}
