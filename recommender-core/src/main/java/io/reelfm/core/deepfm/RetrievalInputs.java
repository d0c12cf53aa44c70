package io.reelfm.core.deepfm;

/**
 * The two {@link Field#RETRIEVAL} inputs of a candidate list. Training examples, validation lists
 * and every served list must compute them identically, or the network would read the retrieval
 * model's opinion on a different scale than it learned; this is the one place that does.
 */
final class RetrievalInputs {

    private RetrievalInputs() {
    }

    /** See {@link DeepFmFeatures#retrievalInputs(float[], int, int, float[], float[])}. */
    static void compute(float[] scores, int n, int listLength, float[] z, float[] position) {
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += scores[j];
        }
        mean /= Math.max(1, n);
        double var = 0;
        for (int j = 0; j < n; j++) {
            var += (scores[j] - mean) * (scores[j] - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, n));
        for (int j = 0; j < n; j++) {
            z[j] = sd > 1e-12 ? (float) ((scores[j] - mean) / sd) : 0f;
            position[j] = (float) j / Math.max(1, listLength);
        }
    }
}
