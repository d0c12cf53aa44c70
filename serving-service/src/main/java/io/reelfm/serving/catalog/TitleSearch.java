package io.reelfm.serving.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Title search that forgives what users type: case and accents are ignored ("amelie" finds
 * "Amélie"), a query matches a title prefix or the prefix of any title word, and a word within a
 * small edit distance still matches ("godfathr"). Exact prefixes rank before word prefixes,
 * which rank before fuzzy matches; ties go to the shorter title, then the item id.
 */
public final class TitleSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitleSearch() {
    }

    /** Lower case, accents removed, punctuation turned into single spaces. */
    public static String normalize(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll(" ").trim();
    }

    public static List<Hit> search(List<MovieView> movies, String query, int limit) {
        String q = normalize(query);
        if (q.isEmpty()) {
            return List.of();
        }
        String[] queryWords = q.split(" ");
        List<Hit> hits = new ArrayList<>();
        for (MovieView m : movies) {
            if (m.title() == null) {
                continue;
            }
            String t = normalize(m.title());
            int rank = rank(t, q, queryWords);
            if (rank >= 0) {
                hits.add(new Hit(m, rank));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::rank)
                .thenComparingInt(h -> h.movie().title().length())
                .thenComparing(h -> h.movie().itemId()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    /** 0 title prefix, 1 every query word prefixes a title word, 2 + distance for fuzzy, -1 no match. */
    static int rank(String title, String q, String[] queryWords) {
        if (title.startsWith(q)) {
            return 0;
        }
        String[] words = title.split(" ");
        boolean allPrefix = true;
        int fuzzy = 0;
        for (String qw : queryWords) {
            boolean prefix = false;
            int best = Integer.MAX_VALUE;
            for (String w : words) {
                if (w.startsWith(qw)) {
                    prefix = true;
                    break;
                }
                best = Math.min(best, distance(qw, w.length() > qw.length() + 1 ? w.substring(0, qw.length() + 1) : w));
                best = Math.min(best, distance(qw, w));
            }
            if (!prefix) {
                allPrefix = false;
                if (best > allowedEdits(qw)) {
                    return -1;
                }
                fuzzy += best;
            }
        }
        return allPrefix ? 1 : 2 + fuzzy;
    }

    private static int allowedEdits(String word) {
        return word.length() <= 3 ? 0 : word.length() <= 6 ? 1 : 2;
    }

    /** Edit distance counting insertions, deletions, substitutions and adjacent transpositions as one edit each. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    /** A match and its rank (lower is better). */
    public record Hit(MovieView movie, int rank) {
    }
}
