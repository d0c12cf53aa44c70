package io.reelfm.core.data;

import java.util.List;

/**
 * MovieLens' seven age buckets, the one age bucketing of the project: every model's profile
 * features and serving's audience segments put an age in the same bucket.
 */
public final class AgeBuckets {

    /** Youngest first. */
    public static final List<String> LABELS = List.of("<18", "18-24", "25-34", "35-44", "45-49", "50-55", "56+");
    private static final int[] STARTS = {18, 25, 35, 45, 50, 56};

    private AgeBuckets() {
    }

    /** Position of an age's bucket in {@link #LABELS}. */
    public static int index(int age) {
        int b = 0;
        while (b < STARTS.length && age >= STARTS[b]) {
            b++;
        }
        return b;
    }

    /** The label of an age's bucket. */
    public static String label(int age) {
        return LABELS.get(index(age));
    }
}
