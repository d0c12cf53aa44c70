package io.reelfm.serving.model;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;

import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

/**
 * Time to score a whole catalogue for one folded-in user and select the top 10 (what one
 * recommendation request costs in model work), and the heap the item side occupies.
 * Arguments: {@code [items] [factors] [repetitions]}; defaults 1,000,000 x 64, 30 repetitions.
 */
public final class ScoringBench {

    private ScoringBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Random rnd = new Random(42);
        long heapBefore = usedHeap();
        String[] ids = new String[n];
        float[] bias = new float[n];
        float[] factors = new float[n * k];
        for (int i = 0; i < n; i++) {
            ids[i] = "item-" + i;
            bias[i] = (float) rnd.nextGaussian() * 0.3f;
        }
        for (int j = 0; j < factors.length; j++) {
            factors[j] = (float) rnd.nextGaussian() * 0.1f;
        }
        FactorModel model = new FactorModel(TestModels.manifest("bench", 1, new byte[0], 1), k, 3.5f, 0.1f, ids, bias, factors);
        long heapAfter = usedHeap();
        double[] user = new double[k + 1];
        for (int f = 0; f <= k; f++) {
            user[f] = rnd.nextGaussian() * 0.1;
        }
        BitSet seen = new BitSet(n);
        for (int s = 0; s < 100; s++) {
            seen.set(rnd.nextInt(n));
        }
        double[] scoreMs = new double[reps];
        double[] totalMs = new double[reps];
        float sink = 0;
        for (int w = 0; w < 5; w++) {
            sink += TopK.select(model.scoreAll(user), 10, seen).score(0);
        }
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            float[] scores = model.scoreAll(user);
            long t1 = System.nanoTime();
            ScoredItems top = TopK.select(scores, 10, seen);
            long t2 = System.nanoTime();
            sink += top.score(0);
            scoreMs[r] = (t1 - t0) / 1e6;
            totalMs[r] = (t2 - t0) / 1e6;
        }
        Arrays.sort(scoreMs);
        Arrays.sort(totalMs);
        System.out.printf("%d items x %d factors: score all median %.2f ms (min %.2f, max %.2f); score + top-10 median %.2f ms;"
                        + " item side on heap ~%d MB (sink %.3f)%n", n, k, scoreMs[reps / 2], scoreMs[0], scoreMs[reps - 1],
                totalMs[reps / 2], (heapAfter - heapBefore) >> 20, sink);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
