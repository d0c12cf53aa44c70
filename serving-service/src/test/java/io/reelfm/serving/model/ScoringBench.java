package io.reelfm.serving.model;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.serving.topology.UserHistory;

/**
 * Time to fold one user in from 100 ratings and to score the whole catalogue and select the top
 * 10 (what one recommendation request costs in model work), and the heap the item side occupies.
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
        byte[] payload = TestModels.payload(k, 3.5f, 0.1f, ids, bias, factors);
        FactorModel model = FactorModel.fromPayload(TestModels.manifest("bench", 1, payload, 1), payload);
        payload = null;
        long heapAfter = usedHeap();
        List<UserHistory.Entry> rated = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            rated.add(new UserHistory.Entry(ids[rnd.nextInt(n)], 1 + rnd.nextInt(5), s));
        }
        BitSet seen = new BitSet(n);
        rated.forEach(e -> seen.set(model.row(e.itemId())));
        double[] foldInMs = new double[reps];
        double[] topMs = new double[reps];
        float sink = 0;
        for (int w = 0; w < 5; w++) {
            sink += model.topK(model.foldIn(null, rated), 10, seen).score(0);
        }
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            UserVector user = model.foldIn(null, rated);
            long t1 = System.nanoTime();
            ScoredItems top = model.topK(user, 10, seen);
            long t2 = System.nanoTime();
            sink += top.score(0);
            foldInMs[r] = (t1 - t0) / 1e6;
            topMs[r] = (t2 - t1) / 1e6;
        }
        Arrays.sort(foldInMs);
        Arrays.sort(topMs);
        System.out.printf("%d items x %d factors: fold-in of 100 ratings median %.3f ms; score all + top-10 median %.2f ms"
                        + " (min %.2f, max %.2f); item side on heap ~%d MB (sink %.3f)%n", n, k, foldInMs[reps / 2],
                topMs[reps / 2], topMs[0], topMs[reps - 1], (heapAfter - heapBefore) >> 20, sink);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
