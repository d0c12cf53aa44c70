package io.reelfm.bench.rank;

import io.reelfm.bench.scale.GeneratedScaleSet;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.fm.snapshot.UserVector;
import io.reelfm.core.retrieval.ItemMatrix;
import io.reelfm.core.topk.ScoredItems;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/**
 * The exact cell index ({@link CellIndex}) against the full scan ({@link ItemMatrix}) on the
 * served ranking model (the attribute model at the default settings) fitted on a generated set:
 * for sampled users folded in from their whole history, the top 10 of both must match, and the
 * report gives the share of the catalogue the index scored and the median and p99 time of each.
 *
 * <p>Run: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar io.reelfm.bench.rank.CandidateIndexBenchmark [users items ratings [queries]]},
 * or with a MovieLens 100K directory: {@code ... CandidateIndexBenchmark <dir> [queries]}.
 */
public final class CandidateIndexBenchmark {

    /** The list length asked for: 10, or a re-ranker's or calibration's candidate pool ({@code -Dn=200}). */
    private static final int LIST = Integer.getInteger("n", 10);

    private CandidateIndexBenchmark() {
    }

    /** MovieLens 100K from its directory (u.data, u.item, u.user), in the shape of a generated set. */
    private static GeneratedScaleSet movieLens100k(java.nio.file.Path dir) {
        io.reelfm.core.eval.IdIndex users = new io.reelfm.core.eval.IdIndex();
        io.reelfm.core.eval.IdIndex items = new io.reelfm.core.eval.IdIndex();
        io.reelfm.core.eval.RatingSetBuilder builder = new io.reelfm.core.eval.RatingSetBuilder(users, items);
        io.reelfm.datasets.model.RatingsLoader.read(dir.resolve("u.data"), builder);
        return new GeneratedScaleSet(builder.build(), users, items, io.reelfm.datasets.model.Ml100k.sideInfo(dir));
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        GeneratedScaleSet set = args.length > 0 && java.nio.file.Files.isDirectory(java.nio.file.Path.of(args[0]))
                ? movieLens100k(java.nio.file.Path.of(args[0])) : GeneratedScaleSet.fromArgs(args);
        int queries = args.length == 2 ? Integer.parseInt(args[1]) : args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        FoldedUsers folded = FoldedUsers.of(set, Boolean.getBoolean("tuned") ? FoldedUsers.Settings.TUNED : FoldedUsers.Settings.DEFAULT, queries, 11);
        FmItemScorer scorer = folded.scorer();
        FmSnapshot snapshot = scorer.snapshot();
        RatingSet data = set.ratings();
        System.out.printf(Locale.ROOT, "%,d ratings, %,d users, %,d items, k=%d; fitted in %.1f s%n", data.size(),
                data.numUsers(), data.numItems(), snapshot.k(), (System.nanoTime() - t0) / 1e9);

        ItemMatrix matrix = scorer.matrix();
        long tb = System.nanoTime();
        float[] rowMajor = new float[matrix.items() * matrix.k()];
        float[] bias = new float[matrix.items()];
        for (int i = 0; i < matrix.items(); i++) {
            System.arraycopy(matrix.vector(i), 0, rowMajor, i * matrix.k(), matrix.k());
            bias[i] = matrix.bias(i);
        }
        int cells = Integer.getInteger("cells", CellIndex.cellsFor(snapshot.items()));
        CellIndex index = CellIndex.build(rowMajor, bias, matrix.k(), cells, 42);
        System.out.printf(Locale.ROOT, "index: %d cells built in %.2f s%n", index.cells(), (System.nanoTime() - tb) / 1e9);

        UserVector[] users = folded.users();
        BitSet[] seen = folded.seen();
        for (int round = 0; round < 3; round++) {
            java.util.Set<Integer> listed = new java.util.HashSet<>();
            double[] shares = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5};
            long[] recalled = new long[shares.length];
            long wanted = 0;
            long[] scan = new long[queries];
            long[] cell = new long[queries];
            double scoredShare = 0;
            int mismatches = 0;
            for (int q = 0; q < queries; q++) {
                float[] query = users[q].query();
                long a = System.nanoTime();
                ScoredItems exact = matrix.topK(query, users[q].constant(), LIST, seen[q]);
                long b = System.nanoTime();
                CellIndex.Search found = index.search(query, users[q].constant(), LIST, seen[q]);
                long c = System.nanoTime();
                for (int i : exact.indices()) {
                    listed.add(i);
                }
                wanted += found.top().size();
                for (int d : found.depth()) {
                    for (int s = 0; s < shares.length; s++) {
                        recalled[s] += d < shares[s] * snapshot.items() ? 1 : 0;
                    }
                }
                scan[q] = b - a;
                cell[q] = c - b;
                scoredShare += (double) found.scored() / snapshot.items();
                mismatches += Arrays.equals(exact.indices(), found.top().indices())
                        && Arrays.equals(exact.scores(), found.top().scores()) ? 0 : 1;
            }
            StringBuilder recall = new StringBuilder("  recall@10 of a search capped at");
            for (int s = 0; s < shares.length; s++) {
                recall.append(String.format(Locale.ROOT, " %.0f%%: %.4f;", 100 * shares[s], (double) recalled[s] / wanted));
            }
            Arrays.sort(scan);
            Arrays.sort(cell);
            System.out.printf(Locale.ROOT,
                    "round %d: %d queries, top " + LIST + " differing %d; index scored %.1f%% of the catalogue; full scan p50 %.3f ms p99 %.3f ms;"
                            + " index p50 %.3f ms p99 %.3f ms; ratio of medians %.2f; %,d distinct items over the lists%n",
                    round, queries, mismatches, 100 * scoredShare / queries, scan[queries / 2] / 1e6,
                    scan[queries * 99 / 100] / 1e6, cell[queries / 2] / 1e6, cell[queries * 99 / 100] / 1e6,
                    (double) scan[queries / 2] / cell[queries / 2], listed.size());
            System.out.println(recall);
        }
    }
}
