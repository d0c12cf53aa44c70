package io.reelfm.bench.rank;

import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * An exact top-K over a large catalogue that scores only the cells of items that can still enter
 * the list. Items are grouped into cells by k-means on their retrieval vectors; each cell keeps a
 * bound on what any of its items can score for a query {@code q}:
 * {@code bias_max + min(|q| norm_max, <q, centre> + |q| radius)} (Cauchy-Schwarz, twice). A query
 * scores the cells in order of that bound and stops at the first cell whose bound is below the
 * K-th best score found so far, so the answer is the one a full scan gives (same scores, same tie
 * order), while a catalogue with a long tail of short vectors (rarely rated items shrunk toward
 * zero) is mostly never read. How much is skipped depends on the model, so it is measured on the
 * data ({@link CandidateIndexBenchmark}), not assumed: on the model the trainer serves (tuned
 * settings, personal lists) nothing could be skipped, so serving does not use it; it stays here as
 * the measured experiment.
 *
 * <p>Within a cell the layout is factor-major, like {@link ItemMatrix}'s blocks, and each score is
 * accumulated in the same order as {@link ItemMatrix#scoreAll}, so both give bit-identical scores.
 * Immutable and thread-safe.
 */
public final class CellIndex {

    /** Lloyd iterations on the sample; the bounds stay exact whatever the clustering's quality. */
    private static final int ITERATIONS = 8;
    /** Sampled items per cell for the clustering, which is then applied to every item. */
    private static final int SAMPLE_PER_CELL = 12;

    private final int items;
    private final int k;
    private final int cells;
    /** Cell c holds positions {@code start[c]} to {@code start[c + 1]}. */
    private final int[] start;
    /** The item row at each position. */
    private final int[] rowAt;
    /** The cell of each item row. */
    private final int[] cellOf;
    /** Cell c's vectors from {@code k * start[c]}, factor-major: {@code [f * size_c + j]}. */
    private final float[] data;
    private final float[] biasAt;
    private final float[] centre;
    private final double[] radius;
    private final double[] normMax;
    private final double[] biasMax;
    /** The largest |bias| of each cell, for the rounding slack. */
    private final double[] biasAbs;
    private final int largest;

    private CellIndex(int items, int k, int[] start, int[] rowAt, float[] data, float[] biasAt, float[] centre,
                      double[] radius, double[] normMax, double[] biasMax, double[] biasAbs) {
        this.items = items;
        this.k = k;
        this.cells = start.length - 1;
        this.start = start;
        this.rowAt = rowAt;
        this.data = data;
        this.biasAt = biasAt;
        this.centre = centre;
        this.radius = radius;
        this.normMax = normMax;
        this.biasMax = biasMax;
        this.biasAbs = biasAbs;
        this.cellOf = new int[items];
        int max = 0;
        for (int c = 0; c < cells; c++) {
            max = Math.max(max, start[c + 1] - start[c]);
            for (int p = start[c]; p < start[c + 1]; p++) {
                cellOf[rowAt[p]] = c;
            }
        }
        this.largest = max;
    }

    /** At most this many cells: the clustering's cost grows with items times cells. */
    public static final int MAX_CELLS = 1024;

    /**
     * The cell count for {@code items} items: about {@code sqrt(items)}, so a query's work on the
     * cells' bounds and on one cell's items is balanced; at most {@link #MAX_CELLS}.
     */
    public static int cellsFor(int items) {
        return Math.max(1, Math.min(MAX_CELLS, (int) Math.round(Math.sqrt(items))));
    }

    /**
     * @param rowMajor {@code rowMajor[i * k + f]}, the retrieval vector of item i
     * @param bias     one additive term per item
     * @param cells    how many cells (at most the number of items)
     * @param seed     the clustering's seed; the answers do not depend on it, only the work done
     */
    public static CellIndex build(float[] rowMajor, float[] bias, int k, int cells, long seed) {
        int items = bias.length;
        if (k < 1 || rowMajor.length != (long) items * k) {
            throw new IllegalArgumentException("rowMajor must hold bias.length * k = " + ((long) items * k)
                    + " values, got " + rowMajor.length);
        }
        if (items == 0) {
            return new CellIndex(0, k, new int[] {0}, new int[0], new float[0], new float[0], new float[0],
                    new double[0], new double[0], new double[0], new double[0]);
        }
        int c = Math.max(1, Math.min(cells, items));
        float[] centres = cluster(rowMajor, items, k, c, seed);
        int[] cellOf = new int[items];
        IntStream.range(0, items).parallel().forEach(i -> cellOf[i] = nearest(rowMajor, i * k, centres, c, k));
        int[] count = new int[c];
        for (int i = 0; i < items; i++) {
            count[cellOf[i]]++;
        }
        // centres as the means of every item assigned, which tightens the radii
        double[] sum = new double[c * k];
        for (int i = 0; i < items; i++) {
            for (int f = 0; f < k; f++) {
                sum[cellOf[i] * k + f] += rowMajor[i * k + f];
            }
        }
        int kept = 0;
        int[] renumber = new int[c];
        for (int j = 0; j < c; j++) {
            renumber[j] = count[j] > 0 ? kept++ : -1;
        }
        float[] centre = new float[kept * k];
        int[] start = new int[kept + 1];
        for (int j = 0; j < c; j++) {
            if (count[j] > 0) {
                int r = renumber[j];
                for (int f = 0; f < k; f++) {
                    centre[r * k + f] = (float) (sum[j * k + f] / count[j]);
                }
                start[r + 1] = count[j];
            }
        }
        for (int r = 0; r < kept; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, kept);
        int[] rowAt = new int[items];
        for (int i = 0; i < items; i++) {
            rowAt[fill[renumber[cellOf[i]]]++] = i;
        }
        float[] data = new float[items * k];
        float[] biasAt = new float[items];
        double[] radius = new double[kept];
        double[] normMax = new double[kept];
        double[] biasMax = new double[kept];
        double[] biasAbs = new double[kept];
        Arrays.fill(biasMax, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < kept; r++) {
            int size = start[r + 1] - start[r];
            int base = k * start[r];
            for (int j = 0; j < size; j++) {
                int i = rowAt[start[r] + j];
                double d2 = 0;
                double n2 = 0;
                for (int f = 0; f < k; f++) {
                    float v = rowMajor[i * k + f];
                    data[base + f * size + j] = v;
                    double d = v - centre[r * k + f];
                    d2 += d * d;
                    n2 += (double) v * v;
                }
                biasAt[start[r] + j] = bias[i];
                radius[r] = Math.max(radius[r], Math.sqrt(d2));
                normMax[r] = Math.max(normMax[r], Math.sqrt(n2));
                biasMax[r] = Math.max(biasMax[r], bias[i]);
                biasAbs[r] = Math.max(biasAbs[r], Math.abs(bias[i]));
            }
        }
        return new CellIndex(items, k, start, rowAt, data, biasAt, centre, radius, normMax, biasMax, biasAbs);
    }

    /** k-means on a seeded sample of the items; returns {@code c} centres, row-major. */
    private static float[] cluster(float[] rowMajor, int items, int k, int c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = (int) Math.min(items, (long) c * SAMPLE_PER_CELL);
        int[] sample = new int[items];
        for (int i = 0; i < items; i++) {
            sample[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(items - i);
            int t = sample[i];
            sample[i] = sample[j];
            sample[j] = t;
        }
        float[] centres = new float[c * k];
        for (int j = 0; j < c; j++) {
            System.arraycopy(rowMajor, sample[j] * k, centres, j * k, k);
        }
        int[] assigned = new int[m];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] sum = new double[c * k];
            int[] count = new int[c];
            for (int s = 0; s < m; s++) {
                int i = sample[s];
                int j = nearest(rowMajor, i * k, centres, c, k);
                assigned[s] = j;
                count[j]++;
                for (int f = 0; f < k; f++) {
                    sum[j * k + f] += rowMajor[i * k + f];
                }
            }
            for (int j = 0; j < c; j++) {
                if (count[j] > 0) {
                    for (int f = 0; f < k; f++) {
                        centres[j * k + f] = (float) (sum[j * k + f] / count[j]);
                    }
                }
            }
        }
        return centres;
    }

    private static int nearest(float[] rowMajor, int offset, float[] centres, int c, int k) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            double d = 0;
            int base = j * k;
            for (int f = 0; f < k; f++) {
                double x = rowMajor[offset + f] - centres[base + f];
                d += x * x;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = j;
            }
        }
        return best;
    }

    public int items() {
        return items;
    }

    public int cells() {
        return cells;
    }

    /**
     * A query's answer, how many items it scored, and for each listed item how many items had been
     * scored before its cell was opened: a search that stopped after {@code d} items would have
     * found it exactly when its depth is below {@code d}, so one exact search tells what any such
     * approximate search would have recalled ({@code CandidateIndexBenchmark} reports it).
     */
    public record Search(ScoredItems top, int scored, int[] depth) {
    }

    /** The best {@code n} items for {@code constant + bias_i + <query, q_i>}, skipping {@code excluded} (may be null). */
    public ScoredItems topK(float[] query, float constant, int n, BitSet excluded) {
        return search(query, constant, n, excluded).top();
    }

    /** As {@link #topK}, with the work done. */
    public Search search(float[] query, float constant, int n, BitSet excluded) {
        if (query.length < k) {
            throw new IllegalArgumentException("query needs " + k + " entries, got " + query.length);
        }
        TopK top = new TopK(Math.max(1, Math.min(n, Math.max(1, items))));
        if (items == 0) {
            return new Search(top.result(), 0, new int[0]);
        }
        double qNorm = 0;
        double qAbs = 0;
        for (int f = 0; f < k; f++) {
            qNorm += (double) query[f] * query[f];
            qAbs += Math.abs(query[f]);
        }
        qNorm = Math.sqrt(qNorm);
        double[] bound = new double[cells];
        long[] order = new long[cells];
        for (int c = 0; c < cells; c++) {
            double dot = 0;
            for (int f = 0; f < k; f++) {
                dot += (double) query[f] * centre[c * k + f];
            }
            double b = constant + biasMax[c] + Math.min(qNorm * normMax[c], dot + qNorm * radius[c]);
            // float accumulation of k + 1 terms may exceed the real-valued score by (k + 1) rounding
            // errors of the running sum, which is at most |constant| + |bias| + sum |q_f| |v_f|
            b += (k + 2) * 1.2e-7 * (Math.abs(constant) + biasAbs[c] + qAbs * normMax[c]) + 1e-30;
            bound[c] = b;
            order[c] = ((long) sortable((float) -b) << 32) | c;
        }
        Arrays.sort(order);
        float[] out = new float[largest];
        int[] openedAt = new int[cells];
        int scored = 0;
        for (long key : order) {
            int c = (int) key;
            if (bound[c] < top.threshold()) {
                continue; // not break: the sort key is the bound rounded to a float
            }
            openedAt[c] = scored;
            int size = start[c + 1] - start[c];
            int first = start[c];
            for (int j = 0; j < size; j++) {
                out[j] = constant + biasAt[first + j];
            }
            int base = k * first;
            for (int f = 0; f < k; f++) {
                float pf = query[f];
                int col = base + f * size;
                for (int j = 0; j < size; j++) {
                    out[j] += data[col + j] * pf;
                }
            }
            scored += size;
            for (int j = 0; j < size; j++) {
                int row = rowAt[first + j];
                if (excluded == null || !excluded.get(row)) {
                    top.offer(row, out[j]);
                }
            }
        }
        ScoredItems result = top.result();
        int[] depth = new int[result.size()];
        for (int j = 0; j < depth.length; j++) {
            depth[j] = openedAt[cellOf[result.index(j)]];
        }
        return new Search(result, scored, depth);
    }

    /** An int whose signed order is the float's order (for a packed sort key). */
    private static int sortable(float x) {
        int bits = Float.floatToIntBits(x);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
