package io.reelfm.core.deepfm;

import java.util.Arrays;

/**
 * Settings of a DeepFM re-ranker and of how its training examples are drawn.
 *
 * @param k             embedding size shared by every field
 * @param hidden        widths of the deep part's ReLU layers, bottom up (may be empty: FM only plus a linear deep part)
 * @param dropout       probability of dropping a hidden unit while training
 * @param epochs        passes over the examples
 * @param batchSize     examples per Adam step
 * @param learningRate  Adam's step size
 * @param l2            L2 penalty on every weight
 * @param candidates    how many of the retrieval model's best items a list re-ranks (and examples are drawn from)
 * @param negatives     non-chosen candidates sampled per chosen one
 * @param targetShare   share of each user's ratings held out as the items to predict while the retrieval model and
 *                      the user's history fields see only the rest, so the network learns from lists like the ones it
 *                      will re-rank (the retrieval model never saw the right answers)
 * @param maxHistory    history columns: the most-rated items a user's history is encoded over
 * @param liked         the rating at or above which a held-out target counts as a positive (the gate's relevance
 *                      threshold); targets rated lower are negatives
 * @param validationShare share of the users whose lists decide early stopping instead of training
 * @param patience      epochs without a better validation NDCG before training stops
 * @param seed          random seed for the split, the sampling, initialisation and dropout
 */
public record DeepFmConfig(int k, int[] hidden, double dropout, int epochs, int batchSize, double learningRate, double l2,
                           int candidates, int negatives, double targetShare, int maxHistory, float liked,
                           double validationShare, int patience, long seed) {

    public DeepFmConfig {
        hidden = hidden.clone();
        require(k >= 1 && k <= 256, "k must be 1..256, was " + k);
        require(Arrays.stream(hidden).allMatch(h -> h >= 1 && h <= 4096), "hidden widths must be 1..4096, were "
                + Arrays.toString(hidden));
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), was " + dropout);
        require(epochs >= 1, "epochs must be >= 1, was " + epochs);
        require(batchSize >= 1, "batch size must be >= 1, was " + batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1), was " + learningRate);
        require(l2 >= 0, "l2 must be >= 0, was " + l2);
        require(candidates >= 2, "candidates must be >= 2, was " + candidates);
        require(negatives >= 1, "negatives must be >= 1, was " + negatives);
        require(targetShare > 0 && targetShare < 1, "target share must be in (0, 1), was " + targetShare);
        require(maxHistory >= 1, "history columns must be >= 1, was " + maxHistory);
        require(Float.isFinite(liked), "liked must be a rating, was " + liked);
        require(validationShare >= 0 && validationShare < 1, "validation share must be in [0, 1), was " + validationShare);
        require(patience >= 1, "patience must be >= 1, was " + patience);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The standard settings. */
    public static DeepFmConfig defaults() {
        return new DeepFmConfig(16, new int[] {64, 32}, 0.1, 8, 1024, 0.005, 1e-5, 200, 4, 0.2, 2048, 4f, 0.1, 2, 42);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public DeepFmConfig withEpochs(int n) {
        return new DeepFmConfig(k, hidden, dropout, n, batchSize, learningRate, l2, candidates, negatives, targetShare,
                maxHistory, liked, validationShare, patience, seed);
    }

    public DeepFmConfig withK(int n) {
        return new DeepFmConfig(n, hidden, dropout, epochs, batchSize, learningRate, l2, candidates, negatives, targetShare,
                maxHistory, liked, validationShare, patience, seed);
    }

    public DeepFmConfig withHidden(int... widths) {
        return new DeepFmConfig(k, widths, dropout, epochs, batchSize, learningRate, l2, candidates, negatives, targetShare,
                maxHistory, liked, validationShare, patience, seed);
    }

    public DeepFmConfig withSeed(long s) {
        return new DeepFmConfig(k, hidden, dropout, epochs, batchSize, learningRate, l2, candidates, negatives, targetShare,
                maxHistory, liked, validationShare, patience, s);
    }

    public DeepFmConfig withLearningRate(double rate) {
        return new DeepFmConfig(k, hidden, dropout, epochs, batchSize, rate, l2, candidates, negatives, targetShare,
                maxHistory, liked, validationShare, patience, seed);
    }

    /** These settings with the rating that makes a target a positive. */
    public DeepFmConfig withLiked(float rating) {
        return new DeepFmConfig(k, hidden, dropout, epochs, batchSize, learningRate, l2, candidates, negatives, targetShare,
                maxHistory, rating, validationShare, patience, seed);
    }

    public DeepFmConfig withDropout(double p) {
        return new DeepFmConfig(k, hidden, p, epochs, batchSize, learningRate, l2, candidates, negatives, targetShare,
                maxHistory, liked, validationShare, patience, seed);
    }
}
