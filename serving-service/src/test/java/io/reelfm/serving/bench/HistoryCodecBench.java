package io.reelfm.serving.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import io.reelfm.serving.topology.DataStreamHistoryFormat;
import io.reelfm.serving.topology.UserHistory;

/**
 * What one rating costs the user-history aggregate in serving's stream threads, by history length:
 * the stored history decoded, the rating added ({@link UserHistory#with}) and the result encoded,
 * as Kafka Streams does for every rating. Measured with {@link UserHistory}'s codec and, in the
 * same run as the baseline, with {@link DataStreamHistoryFormat}: data streams writing the same
 * bytes, which is how the codec was written before.
 *
 * <pre>
 * java -cp ... io.reelfm.serving.bench.HistoryCodecBench [length...]
 * </pre>
 * Item ids are MovieLens-like numbers ({@code 1..62000}); medians of 7 timed rounds of about half a
 * second each, after 3 untimed.
 */
public final class HistoryCodecBench {

    private static final int ROUNDS = 7;
    private static final int WARM_UP = 3;

    private HistoryCodecBench() {
    }

    public static void main(String[] args) {
        int[] lengths = args.length == 0 ? new int[] {20, 150, 2000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int length : lengths) {
            Random random = new Random(length);
            UserHistory h = UserHistory.empty();
            while (h.size() < length) {
                h = h.with(String.valueOf(1 + random.nextInt(62_000)), 0.5f * (1 + random.nextInt(10)),
                        1_500_000_000_000L + random.nextInt(1_000_000_000), length);
            }
            byte[] stored = h.toBytes();
            double codec = median(() -> UserHistory.fromBytes(stored).with("63001", 4f, 1L, 2000).toBytes());
            double streams = median(() -> DataStreamHistoryFormat.encode(
                    DataStreamHistoryFormat.decode(stored).with("63001", 4f, 1L, 2000)));
            System.out.printf(Locale.ROOT, "history of %d ratings (%,d bytes): codec %.2f µs, data streams %.2f µs per rating:"
                    + " %.2f x%n", length, stored.length, codec / 1e3, streams / 1e3, streams / codec);
        }
    }

    /** Median nanoseconds per call over the timed rounds. */
    private static double median(java.util.function.Supplier<byte[]> step) {
        double[] perCall = new double[ROUNDS];
        long sink = 0;
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            int calls = 0;
            long start = System.nanoTime();
            long deadline = start + 500_000_000L;
            long now;
            do {
                for (int i = 0; i < 64; i++) {
                    sink += step.get().length;
                }
                calls += 64;
                now = System.nanoTime();
            } while (now < deadline);
            if (round >= 0) {
                perCall[round] = (double) (now - start) / calls;
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        Arrays.sort(perCall);
        return perCall[ROUNDS / 2];
    }
}
