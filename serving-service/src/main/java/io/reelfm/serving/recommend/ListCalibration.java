package io.reelfm.serving.recommend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelfm.core.rank.CalibratedReranker;
import io.reelfm.core.rank.GenreSource;
import io.reelfm.serving.catalog.Catalog;
import io.reelfm.serving.catalog.MovieView;
import io.reelfm.serving.topology.UserHistory;

/**
 * Applies a ranking model's published calibration ({@link CalibratedReranker}) to one request:
 * the genres of the candidate pool and of the user's history are read from the catalogue and
 * numbered for this request only, so the catalogue can change without a model rebuild. The list
 * is the same one {@code reelfm evaluate --learner default} measures.
 */
final class ListCalibration {

    private ListCalibration() {
    }

    /**
     * @param pool   candidate views, best first (already filtered)
     * @param scores their model scores
     * @return positions into {@code pool} of the calibrated list (at most {@code k}), in score order
     */
    static int[] choose(Catalog catalog, List<UserHistory.Entry> history, MovieView[] pool, float[] scores, int n,
                        double lambda, int k) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] genres = new int[n + history.size()][];
        for (int j = 0; j < n; j++) {
            genres[j] = number(pool[j].genres(), ids);
        }
        int[] historyIndex = new int[history.size()];
        for (int h = 0; h < history.size(); h++) {
            genres[n + h] = number(catalog.view(history.get(h).itemId()).genres(), ids);
            historyIndex[h] = n + h;
        }
        GenreSource source = new GenreSource() {
            @Override
            public int count() {
                return ids.size();
            }

            @Override
            public int[] of(int item) {
                return genres[item];
            }
        };
        CalibratedReranker reranker = new CalibratedReranker(source, lambda);
        int[] positions = new int[n];
        for (int j = 0; j < n; j++) {
            positions[j] = j;
        }
        return reranker.rerank(positions, java.util.Arrays.copyOf(scores, n), reranker.mix(historyIndex), k);
    }

    private static int[] number(List<String> names, Map<String, Integer> ids) {
        return names.stream().distinct().mapToInt(g -> ids.computeIfAbsent(g, x -> ids.size())).toArray();
    }
}
