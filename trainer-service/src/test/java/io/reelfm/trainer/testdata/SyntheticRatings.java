package io.reelfm.trainer.testdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.reelfm.schemas.RatingEvent;

/**
 * Seeded low-rank rating data: users and items get hidden biases and 4-dimensional tastes, each
 * user rates a random subset of items, and ratings are the rounded, clamped model value plus
 * noise. A factor model can learn it, which is what the training tests need.
 */
public final class SyntheticRatings {

    private SyntheticRatings() {
    }

    public static List<RatingEvent> generate(String prefix, int users, int items, int perUser, long seed) {
        Random rnd = new Random(seed);
        int k = 4;
        double[][] pu = new double[users][k];
        double[][] qi = new double[items][k];
        double[] bu = new double[users];
        double[] bi = new double[items];
        for (int u = 0; u < users; u++) {
            bu[u] = rnd.nextGaussian() * 0.3;
            for (int f = 0; f < k; f++) {
                pu[u][f] = rnd.nextGaussian() * 0.6;
            }
        }
        for (int i = 0; i < items; i++) {
            bi[i] = rnd.nextGaussian() * 0.4;
            for (int f = 0; f < k; f++) {
                qi[i][f] = rnd.nextGaussian() * 0.6;
            }
        }
        List<RatingEvent> out = new ArrayList<>(users * perUser);
        long ts = 1_700_000_000_000L;
        for (int u = 0; u < users; u++) {
            Set<Integer> rated = new HashSet<>();
            while (rated.size() < Math.min(perUser, items)) {
                int i = rnd.nextInt(items);
                if (!rated.add(i)) {
                    continue;
                }
                double v = 3.5 + bu[u] + bi[i] + rnd.nextGaussian() * 0.3;
                for (int f = 0; f < k; f++) {
                    v += pu[u][f] * qi[i][f];
                }
                float r = (float) Math.max(1, Math.min(5, Math.round(v)));
                ts += 1000 + rnd.nextInt(60_000);
                out.add(RatingEvent.newBuilder().setEventId(prefix + "-e" + out.size()).setUserId(prefix + "-u" + u)
                        .setItemId(prefix + "-i" + i).setRating(r).setTimestamp(Instant.ofEpochMilli(ts))
                        .setSource("synthetic").build());
            }
        }
        return out;
    }
}
