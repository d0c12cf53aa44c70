package io.reelfm.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * Draws indices from a fixed discrete distribution in O(1) per draw (Walker/Vose alias method),
 * so skewed popularity costs no more per rating than a uniform draw.
 */
final class AliasSampler {

    private final double[] probability;
    private final int[] alias;
    private final int[] label;

    /**
     * A Zipf distribution over n outcomes: rank r (0-based) has weight 1/(r+1)^exponent, and
     * ranks are assigned to indices by a seeded shuffle, so popularity is not tied to id order.
     */
    static AliasSampler zipf(int n, double exponent, SplittableRandom random) {
        double[] weights = new double[n];
        for (int r = 0; r < n; r++) {
            weights[r] = Math.pow(r + 1, -exponent);
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = label[i];
            label[i] = label[j];
            label[j] = t;
        }
        return new AliasSampler(weights, label);
    }

    private AliasSampler(double[] weights, int[] label) {
        int n = weights.length;
        this.label = label;
        probability = new double[n];
        alias = new int[n];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        while (largeCount > 0) {
            probability[large[--largeCount]] = 1.0;
        }
        while (smallCount > 0) {
            probability[small[--smallCount]] = 1.0;
        }
    }

    int sample(SplittableRandom random) {
        int column = random.nextInt(probability.length);
        int rank = random.nextDouble() < probability[column] ? column : alias[column];
        return label[rank];
    }

    /** The index holding popularity rank {@code rank} (0 = most likely). */
    int indexOfRank(int rank) {
        return label[rank];
    }
}
