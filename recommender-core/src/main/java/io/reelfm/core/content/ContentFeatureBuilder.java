package io.reelfm.core.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds movie content features the way the original SageMaker notebooks did: one-hot genres,
 * release year, runtime, one-hot language and region (the {@value #TOP_CODES} most common of
 * each, the rest as "other"), IMDb's average rating and log(1 + its
 * votes) (each only when the catalogue has it), mean rating and log(1 + number of ratings), then every column MinMax-scaled to [0, 1] so no
 * feature dominates Euclidean distances by its units. Missing numbers get the column mean of
 * the known values (items without ratings get the mean of item means and a count of 0).
 */
public final class ContentFeatureBuilder {

    /**
     * Languages and regions kept as their own column; the rest share an "other" column. IMDb
     * knows hundreds of each, most with a handful of films: a column each would swamp the
     * clustering with near-empty dimensions without telling the common origins apart any better.
     */
    static final int TOP_CODES = 10;
    static final String OTHER = "other";

    private ContentFeatureBuilder() {
    }

    public static ContentFeatures build(List<CatalogueItem> catalogue, Map<String, ItemStats> stats) {
        if (catalogue.isEmpty()) {
            throw new IllegalArgumentException("catalogue is empty");
        }
        Objects.requireNonNull(stats, "stats");
        Columns columns = Columns.of(catalogue);
        int n = catalogue.size();
        int d = columns.names().size();
        double[][] raw = new double[n][d];
        double meanOfMeans = stats.values().stream().filter(s -> s.count() > 0).mapToDouble(ItemStats::mean).average().orElse(0);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CatalogueItem item = catalogue.get(i);
            ids.add(item.itemId());
            columns.fill(raw[i], item);
            ItemStats s = stats.get(item.itemId());
            boolean rated = s != null && s.count() > 0;
            raw[i][d - 2] = rated ? s.mean() : meanOfMeans;
            raw[i][d - 1] = Math.log1p(rated ? s.count() : 0);
        }
        imputeMissingWithMean(raw, d);
        return new ContentFeatures(ids, columns.names(), minMax(raw, d));
    }

    /** Which columns the catalogue has, named, and how an item fills them (the rating statistics last). */
    private record Columns(List<String> names, Set<String> languages, Set<String> regions, boolean anyYear,
                           boolean anyRuntime, boolean anyImdb) {

        static Columns of(List<CatalogueItem> catalogue) {
            TreeSet<String> genres = new TreeSet<>();
            Map<String, Integer> languageCounts = new HashMap<>();
            Map<String, Integer> regionCounts = new HashMap<>();
            boolean anyYear = false;
            boolean anyRuntime = false;
            boolean anyImdb = false;
            for (CatalogueItem item : catalogue) {
                genres.addAll(item.genres());
                count(languageCounts, item.language());
                count(regionCounts, item.region());
                anyYear |= item.year() != null;
                anyRuntime |= item.runtimeMinutes() != null;
                anyImdb |= item.imdbRating() != null;
            }
            TreeSet<String> languages = mostCommon(languageCounts);
            TreeSet<String> regions = mostCommon(regionCounts);
            List<String> names = new ArrayList<>();
            genres.forEach(g -> names.add("genre:" + g));
            if (anyYear) {
                names.add("year");
            }
            if (anyRuntime) {
                names.add("runtime");
            }
            codes(names, "language:", languages, languageCounts.size() > languages.size());
            codes(names, "region:", regions, regionCounts.size() > regions.size());
            if (anyImdb) {
                names.add("imdb_rating");
                names.add("log_imdb_votes");
            }
            names.add("mean_rating");
            names.add("log_ratings");
            return new Columns(List.copyOf(names), languages, regions, anyYear, anyRuntime, anyImdb);
        }

        /** Writes the item's content columns into {@code row}; a missing number is NaN, to be imputed. */
        void fill(double[] row, CatalogueItem item) {
            for (String g : item.genres()) {
                row[names.indexOf("genre:" + g)] = 1;
            }
            if (anyYear) {
                row[names.indexOf("year")] = item.year() == null ? Double.NaN : item.year();
            }
            if (anyRuntime) {
                row[names.indexOf("runtime")] = item.runtimeMinutes() == null ? Double.NaN : item.runtimeMinutes();
            }
            code(row, "language:", languages, item.language());
            code(row, "region:", regions, item.region());
            if (anyImdb) {
                int at = names.indexOf("imdb_rating");
                row[at] = item.imdbRating() == null ? Double.NaN : item.imdbRating();
                row[at + 1] = item.imdbVotes() == null ? Double.NaN : Math.log1p(item.imdbVotes());
            }
        }

        private void code(double[] row, String prefix, Set<String> kept, String value) {
            if (value != null && !value.isBlank()) {
                row[names.indexOf(prefix + (kept.contains(value) ? value : OTHER))] = 1;
            }
        }

        private static void count(Map<String, Integer> counts, String value) {
            if (value != null && !value.isBlank()) {
                counts.merge(value, 1, Integer::sum);
            }
        }

        private static void codes(List<String> names, String prefix, Set<String> kept, boolean other) {
            kept.forEach(c -> names.add(prefix + c));
            if (other) {
                names.add(prefix + OTHER);
            }
        }
    }

    /** The {@value #TOP_CODES} most common codes (ties by code), in code order. */
    private static TreeSet<String> mostCommon(Map<String, Integer> counts) {
        TreeSet<String> top = new TreeSet<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CODES).forEach(e -> top.add(e.getKey()));
        return top;
    }

    private static void imputeMissingWithMean(double[][] raw, int d) {
        for (int j = 0; j < d; j++) {
            double sum = 0;
            int known = 0;
            for (double[] row : raw) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    known++;
                }
            }
            double mean = known == 0 ? 0 : sum / known;
            for (double[] row : raw) {
                if (Double.isNaN(row[j])) {
                    row[j] = mean;
                }
            }
        }
    }

    /** Scales each column to [0, 1]; a constant column becomes 0. */
    static float[][] minMax(double[][] raw, int d) {
        float[][] out = new float[raw.length][d];
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : raw) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            double range = max - min;
            for (int i = 0; i < raw.length; i++) {
                out[i][j] = range == 0 ? 0f : (float) ((raw[i][j] - min) / range);
            }
        }
        return out;
    }
}
