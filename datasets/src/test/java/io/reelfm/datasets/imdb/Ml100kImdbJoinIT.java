package io.reelfm.datasets.imdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.core.cluster.KSelection;
import io.reelfm.core.content.CatalogueItem;
import io.reelfm.core.content.ContentClustering;
import io.reelfm.core.content.ContentClusteringConfig;
import io.reelfm.core.content.ContentFeatureBuilder;
import io.reelfm.core.content.ContentFeatures;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.download.MovieLens100kLocation;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.datasets.model.Ml100k;
import io.reelfm.datasets.model.RowAttributes;
import io.reelfm.datasets.movielens.MovieLens100k;

/**
 * The MovieLens 100K catalogue joined to generated IMDb dumps written the way IMDb writes titles
 * ("The Usual Suspects", not "Usual Suspects, The (1995)"), some a year off, with runtimes and a
 * French minority: the join finds nearly every film, and the content clusters then separate by
 * language. Skips when the 100K is absent.
 */
class Ml100kImdbJoinIT {

    private static final Pattern ML_TITLE = Pattern.compile("^(.*?)(?:\\s*\\(([^()]*)\\))?\\s*\\((\\d{4})\\)\\s*$");
    private static final Pattern ARTICLE = Pattern.compile("^(.*), (The|A|An)$");

    @Test
    void nearlyEveryFilmJoinsAndLanguageAndRuntimeShapeTheClusters(@TempDir Path imdbDir) throws Exception {
        Optional<Path> dir = Ml100k.locate();
        assumeTrue(dir.isPresent(), MovieLens100kLocation.HOW_TO_GET_IT);
        List<MovieRow> plain = new ArrayList<>();
        MovieLens100k.readMovies(dir.get().resolve("u.item"), plain::add, bad -> { });
        int written = writeImdb(imdbDir, plain);

        ImdbEnrichment enriched = ImdbEnrichment.of(DatasetFormat.open(dir.get()), imdbDir);
        List<MovieRow> rows = new ArrayList<>();
        enriched.movies(rows::add, bad -> { });

        assertThat(enriched.lastMatches().byTitle()).isGreaterThanOrEqualTo((long) (0.95 * written));
        Map<String, MovieRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.itemId(), r));
        assertThat(byId.get("1").runtime()).isEqualTo(runtimeOf(1));
        assertThat(byId.get("5").language()).isEqualTo("fr");

        List<CatalogueItem> catalogue = rows.stream().map(RowAttributes::catalogueItem).toList();
        ContentFeatures features = ContentFeatureBuilder.build(catalogue, Map.of());
        assertThat(features.featureNames()).contains("runtime", "language:fr", "language:en");
        ContentClustering.Result result = ContentClustering.run(features,
                new ContentClusteringConfig(0.9, 2, KSelection.largestK(catalogue.size()), 42, 1000, 3));
        int[] labels = result.selection().best().model().labels();
        int k = result.selection().best().k();
        int[] french = new int[k];
        int[] sizes = new int[k];
        for (int i = 0; i < labels.length; i++) {
            sizes[labels[i]]++;
            french[labels[i]] += "fr".equals(catalogue.get(i).language()) ? 1 : 0;
        }
        long frenchInFrenchClusters = 0;
        long frenchTotal = 0;
        for (int c = 0; c < k; c++) {
            frenchTotal += french[c];
            frenchInFrenchClusters += 2 * french[c] > sizes[c] ? french[c] : 0;
        }
        // a fifth of the films are French; clustering on content alone would scatter them at that share
        assertThat((double) frenchInFrenchClusters / frenchTotal).isGreaterThan(0.9);
    }

    private static int runtimeOf(int id) {
        return 75 + id * 37 % 90;
    }

    /** IMDb's three dumps for the catalogue, titles in IMDb's form; @return movies written */
    private static int writeImdb(Path dir, List<MovieRow> catalogue) throws Exception {
        StringBuilder basics = new StringBuilder("tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n");
        StringBuilder akas = new StringBuilder("titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle\n");
        int written = 0;
        for (MovieRow m : catalogue) {
            Matcher t = ML_TITLE.matcher(m.title());
            if (!t.matches() || m.year() == null) {
                continue;
            }
            int id = Integer.parseInt(m.itemId());
            Matcher article = ARTICLE.matcher(t.group(1));
            String title = article.matches() ? article.group(2) + " " + article.group(1) : t.group(1);
            String tconst = String.format("tt%07d", 9_000_000 + id);
            int year = m.year() + (id % 7 == 0 ? 1 : 0);
            boolean frenchFilm = id % 5 == 0;
            basics.append(tconst).append("\tmovie\t").append(title).append('\t').append(title).append("\t0\t").append(year)
                    .append("\t\\N\t").append(runtimeOf(id)).append('\t').append(String.join(",", m.genres())).append('\n');
            akas.append(tconst).append("\t1\t").append(title).append('\t').append(frenchFilm ? "FR" : "US").append('\t')
                    .append(frenchFilm ? "fr" : "en").append("\toriginal\t\\N\t1\n");
            written++;
        }
        gzip(dir.resolve("title.basics.tsv.gz"), basics.toString());
        gzip(dir.resolve("title.akas.tsv.gz"), akas.toString());
        return written;
    }

    private static void gzip(Path file, String content) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
