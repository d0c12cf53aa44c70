package io.reelfm.core.deepfm;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;

/**
 * Learns a {@link DeepFmFeatures} layout from the training data: which items get a history column,
 * and the genre, decade and profile vocabularies. Only training sees the catalogue and the ratings
 * together; serving reads the finished layout from the network, so this lives apart from the
 * encoding it produces. Every vocabulary is sorted, so the layout does not depend on map order.
 */
final class FeatureVocabulary {

    private FeatureVocabulary() {
    }

    static DeepFmFeatures learn(IdIndex items, SideInfo side, IdIndex users, RatingSet train, int maxHistory) {
        int n = items.size();
        int[] column = historyColumns(n, train, maxHistory);
        TreeMap<String, Integer> genreIds = new TreeMap<>();
        TreeMap<Integer, Integer> decadeIds = new TreeMap<>();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = items.id(i);
            ItemAttributes m = side.item(ids[i]);
            if (m != null) {
                m.genres().forEach(g -> genreIds.put(g, 0));
                if (m.year() != null) {
                    decadeIds.put(m.year() / 10 * 10, 0);
                }
            }
        }
        number(genreIds);
        number(decadeIds);
        int[][] itemGenres = new int[n][];
        int[] itemDecade = new int[n];
        for (int i = 0; i < n; i++) {
            ItemAttributes m = side.item(ids[i]);
            itemGenres[i] = m == null ? new int[0] : m.genres().stream().distinct().mapToInt(genreIds::get).toArray();
            itemDecade[i] = m == null || m.year() == null ? 0 : decadeIds.get(m.year() / 10 * 10) + 1;
        }
        TreeMap<String, Integer> genders = new TreeMap<>();
        TreeMap<String, Integer> occupations = new TreeMap<>();
        for (int u = 0; u < users.size(); u++) {
            UserAttributes p = side.user(users.id(u));
            if (p != null) {
                if (p.gender() != null) {
                    genders.put(p.gender(), 0);
                }
                if (p.occupation() != null) {
                    occupations.put(p.occupation(), 0);
                }
            }
        }
        return new DeepFmFeatures(ids, column, genreIds.keySet().toArray(String[]::new), itemGenres, itemDecade,
                decadeIds.size(), genders.keySet().toArray(String[]::new), occupations.keySet().toArray(String[]::new));
    }

    /** Each item's history column: the {@code maxHistory} most-rated items in order of ratings, -1 for the rest. */
    private static int[] historyColumns(int n, RatingSet train, int maxHistory) {
        int[] counts = new int[n];
        for (int r = 0; r < train.size(); r++) {
            if (train.item(r) < n) {
                counts[train.item(r)]++;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int[] column = new int[n];
        Arrays.fill(column, -1);
        int columns = 0;
        for (Integer i : order) {
            if (columns >= maxHistory || counts[i] == 0) {
                break;
            }
            column[i] = columns++;
        }
        return column;
    }

    private static <K> void number(TreeMap<K, Integer> ids) {
        int next = 0;
        for (Map.Entry<K, Integer> e : ids.entrySet()) {
            e.setValue(next++);
        }
    }
}
