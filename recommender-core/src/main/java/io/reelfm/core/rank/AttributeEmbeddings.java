package io.reelfm.core.rank;

/**
 * The attribute step of {@link AttributeAls}: with one side's row vectors w_r fixed, the
 * embeddings g_a of that side's attributes minimise
 * <pre>
 *   sum_r ridge_r |w_r - sum_{a in A(r)} g_a|^2 + lambdaE * sum_a |g_a|^2
 * </pre>
 * (the only terms of the model's loss that hold g), a ridge regression of the rows on their
 * attribute indicators weighted by each row's ridge. It is solved by Gauss–Seidel passes over
 * the attributes, each in closed form given the others:
 * {@code g_a = sum_{r in R(a)} ridge_r (w_r - m_r + g_a) / (lambdaE + sum_{r in R(a)} ridge_r)},
 * where m_r is the row's current prior mean. Every update exactly minimises the loss over one
 * g_a, so the loss never rises. A pass costs O(|attribute assignments| k), nothing next to a
 * row sweep.
 *
 * <p>Holds the embeddings ({@code attributes x k}) and the prior means they give every row
 * ({@code rows x k}, kept equal to the sums of the row's embeddings). Not thread-safe.
 */
final class AttributeEmbeddings {

    private final AttributeRows attributes;
    private final int k;
    private final float[] embeddings;
    private final float[] means;

    AttributeEmbeddings(AttributeRows attributes, int k) {
        this.attributes = attributes;
        this.k = k;
        this.embeddings = new float[attributes.attributes() * k];
        this.means = new float[attributes.rows() * k];
    }

    /** The rows' prior means, row-major (live: updated by {@link #fit}); null when the side has no attributes. */
    float[] means() {
        return attributes.attributes() == 0 ? null : means;
    }

    /** The attribute embeddings, row-major (a copy). */
    float[] embeddings() {
        return embeddings.clone();
    }

    /**
     * Runs {@code passes} Gauss–Seidel passes against the rows' vectors.
     *
     * @param rows    the side's vectors w_r, row-major
     * @param ridges  each row's ridge (its weight in the regression)
     * @param lambdaE the ridge on every embedding
     */
    void fit(float[] rows, double[] ridges, double lambdaE, int passes) {
        int count = attributes.attributes();
        if (count == 0) {
            return;
        }
        double[] num = new double[k];
        for (int pass = 0; pass < passes; pass++) {
            for (int a = 0; a < count; a++) {
                java.util.Arrays.fill(num, 0);
                double den = lambdaE;
                int ga = a * k;
                for (int p = attributes.attributeStart(a); p < attributes.attributeStart(a + 1); p++) {
                    int r = attributes.attributeRow(p);
                    int base = r * k;
                    double w = ridges[r];
                    den += w;
                    for (int f = 0; f < k; f++) {
                        num[f] += w * (rows[base + f] - means[base + f] + embeddings[ga + f]);
                    }
                }
                for (int f = 0; f < k; f++) {
                    float next = (float) (num[f] / den);
                    float delta = next - embeddings[ga + f];
                    embeddings[ga + f] = next;
                    for (int p = attributes.attributeStart(a); p < attributes.attributeStart(a + 1); p++) {
                        means[attributes.attributeRow(p) * k + f] += delta;
                    }
                }
            }
            recomputeMeans();
        }
    }

    /** Sets every row's mean to the exact sum of its embeddings, so float rounding cannot drift. */
    private void recomputeMeans() {
        java.util.Arrays.fill(means, 0f);
        for (int r = 0; r < attributes.rows(); r++) {
            int base = r * k;
            for (int p = attributes.rowStart(r); p < attributes.rowStart(r + 1); p++) {
                int ga = attributes.rowAttribute(p) * k;
                for (int f = 0; f < k; f++) {
                    means[base + f] += embeddings[ga + f];
                }
            }
        }
    }
}
