package io.reelfm.launcher.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.imdb.ImdbEnrichment;
import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticDataset;
import picocli.CommandLine;

class ImdbOptionsTest {

    private final StringWriter console = new StringWriter();
    private final PrintWriter out = new PrintWriter(console, true);
    private final Dataset source = new SyntheticDataset(SyntheticConfig.defaults().withSize(5, 4, 10));

    private static ImdbOptions parse(String... args) {
        ImdbOptions options = new ImdbOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    private static void writeBasics(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("title.basics.tsv"),
                "tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n"
                        + "tt0111161\tmovie\tThe Shawshank Redemption\tThe Shawshank Redemption\t0\t1994\t\\N\t142\tDrama\n");
    }

    @Test
    void theCachesImdbFilesCompleteTheCatalogueWithoutAnOption(@TempDir Path cache) throws Exception {
        writeBasics(cache.resolve("imdb"));

        Dataset replayed = parse().apply(source, cache, out);

        assertThat(replayed).isInstanceOf(ImdbEnrichment.class);
        assertThat(console.toString()).contains("Completing the catalogue from the IMDb files in " + cache.resolve("imdb"));
        List<MovieRow> movies = new ArrayList<>();
        assertThat(replayed.movies(movies::add, e -> { })).isEqualTo(4);
    }

    @Test
    void withoutImdbFilesTheConsoleSaysHowToGetThem(@TempDir Path cache) {
        Dataset replayed = parse().apply(source, cache, out);

        assertThat(replayed).isSameAs(source);
        assertThat(console.toString()).contains("./reelfm data download imdb");
    }

    @Test
    void noImdbKeepsTheCatalogueAndAnExplicitDirectoryMustHoldTheDumps(@TempDir Path cache) throws Exception {
        writeBasics(cache.resolve("imdb"));

        assertThat(parse("--no-imdb").apply(source, cache, out)).isSameAs(source);
        assertThatThrownBy(() -> parse("--imdb", cache.resolve("elsewhere").toString()).apply(source, cache, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--imdb ");
        assertThat(parse("--imdb", cache.resolve("imdb").toString()).apply(source, null, out)).isInstanceOf(ImdbEnrichment.class);
    }
}
