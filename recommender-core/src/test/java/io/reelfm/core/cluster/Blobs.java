package io.reelfm.core.cluster;

import java.util.SplittableRandom;

/** Seeded Gaussian blobs around given centres; label i/perBlob is the true blob. */
final class Blobs {

    private Blobs() {
    }

    static float[][] around(float[][] centres, int perBlob, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int d = centres[0].length;
        float[][] points = new float[centres.length * perBlob][d];
        for (int b = 0; b < centres.length; b++) {
            for (int p = 0; p < perBlob; p++) {
                for (int j = 0; j < d; j++) {
                    points[b * perBlob + p][j] = (float) (centres[b][j] + gaussian(random) * spread);
                }
            }
        }
        return points;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
