package io.reelfm.core.fm;

/**
 * How many Gibbs samples a refit of an MCMC model draws on a training set of a given size. One
 * sample costs time in proportion to the rows, so a fixed count that is cheap at MovieLens 100K
 * (100 samples of 90,000 rows take seconds) takes far longer than a refit may at 25M ratings. The
 * count is therefore capped by a total of row-samples, a deterministic rule (equal data, equal
 * model) rather than a clock: a set of up to {@code rowSamples / configured} rows draws the
 * configured count, a larger one proportionally fewer, never fewer than {@code minSamples}.
 * Fewer samples average the posterior over a shorter chain; on a large set each sample already
 * sees many ratings per user and item, which is what makes a short chain acceptable there.
 *
 * @param rowSamples rows times samples one refit may draw
 * @param minSamples fewest samples drawn however large the set (the posterior mean needs a few after burn-in)
 */
public record McmcSamples(long rowSamples, int minSamples) {

    /**
     * The trainer's rule: 200M row-samples (8 samples of 25M rows), at least 8. At the 25M shape
     * one sample of the trainer's default rating model (k = 8, genres, decade and profile) took
     * about 30 s on two cores, the first 72 s (it builds the column index), so the chain takes
     * about 5 minutes there and leaves the rest of the 15-minute refit target to the ranking
     * model. Sets of up to 2M rows keep all 100 samples.
     */
    public static final McmcSamples DEFAULT = new McmcSamples(200_000_000L, 8);

    public McmcSamples {
        if (rowSamples < 1) {
            throw new IllegalArgumentException("rowSamples must be >= 1, got " + rowSamples);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
        }
    }

    /** Samples to draw on {@code rows} training rows when {@code configured} are asked for. */
    public int forRows(int configured, long rows) {
        if (configured < 1) {
            throw new IllegalArgumentException("configured must be >= 1, got " + configured);
        }
        if (rows <= 0) {
            return configured;
        }
        long affordable = rowSamples / rows;
        return (int) Math.min(configured, Math.max(Math.min(minSamples, configured), affordable));
    }
}
