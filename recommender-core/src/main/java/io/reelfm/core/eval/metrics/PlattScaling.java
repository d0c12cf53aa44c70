package io.reelfm.core.eval.metrics;

/**
 * Maps a score (e.g. a predicted rating) to a probability of the positive class with a fitted
 * logistic curve {@code p = 1 / (1 + exp(-(a·score + b)))} (Platt 1999). Lets a rating model
 * be judged by log-loss: the curve is fitted on training predictions, then applied to test.
 */
public record PlattScaling(double a, double b) {

    /** Fits a and b by Newton's method on the mean log-loss, with a tiny ridge for stability. */
    public static PlattScaling fit(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and positive differ in length: " + scores.length + " vs " + positive.length);
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores is empty");
        }
        double a = 0;
        double b = 0;
        for (int it = 0; it < 50; it++) {
            double ga = 1e-6 * a;
            double gb = 0;
            double haa = 1e-6;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < scores.length; i++) {
                double p = sigmoid(a * scores[i] + b);
                double r = p - (positive[i] ? 1 : 0);
                double w = p * (1 - p);
                ga += r * scores[i];
                gb += r;
                haa += w * scores[i] * scores[i];
                hab += w * scores[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    public double probability(double score) {
        return sigmoid(a * score + b);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
