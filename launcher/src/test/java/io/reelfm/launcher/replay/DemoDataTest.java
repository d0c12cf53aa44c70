package io.reelfm.launcher.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.download.DatasetUnavailableException;
import io.reelfm.launcher.ReelFm;
import picocli.CommandLine;

class DemoDataTest {

    private final StringWriter out = new StringWriter();

    private static SourceOptions options(String... args) {
        SourceOptions options = new SourceOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            SourceOptions source = options;
        }).parseArgs(args);
        return options;
    }

    @Test
    void withoutNetworkItSaysSoAndFallsBackToTheGeneratedDataSet() {
        Dataset chosen = DemoData.choose(options(), new PrintWriter(out, true), dataset -> {
            throw new DatasetUnavailableException("Cannot reach files.grouplens.org");
        });
        assertThat(chosen.name()).isEqualTo("synthetic");
        assertThat(out.toString()).contains("Cannot get MovieLens 100K (Cannot reach files.grouplens.org)")
                .contains("generated data set");
    }

    @Test
    void theDownloadedCopyIsUsedWhenAvailable(@TempDir Path cache) throws Exception {
        Path unpacked = cache.resolve("movielens-100k/ml-100k");
        Files.createDirectories(unpacked);
        Files.writeString(unpacked.resolve("u.data"), "1\t2\t3\t881250949\n");
        Files.writeString(unpacked.resolve("u.item"), "2|Movie (1995)|01-Jan-1995||url" + "|0".repeat(19) + "\n");
        Files.writeString(unpacked.resolve("u.user"), "1|24|M|technician|85711\n");
        Dataset chosen = DemoData.choose(options(), new PrintWriter(out, true), dataset -> {
            assertThat(dataset.id()).isEqualTo("movielens-100k");
            return cache.resolve("movielens-100k");
        });
        assertThat(chosen.name()).isEqualTo("ml-100k");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void explicitChoicesWinAndCannotBeCombined(@TempDir Path dir) {
        assertThat(DemoData.choose(options("--synthetic"), new PrintWriter(out), d -> {
            throw new AssertionError("no download when --synthetic is given");
        }).name()).isEqualTo("synthetic");
        assertThatThrownBy(() -> DemoData.choose(options("--synthetic", "--data", dir.toString()), new PrintWriter(out), d -> dir))
                .hasMessageContaining("--data and --synthetic cannot be combined");
    }

    @Test
    void demoHelpNamesTheCacheVariable() {
        StringWriter help = new StringWriter();
        CommandLine cl = ReelFm.commandLine();
        cl.setOut(new PrintWriter(help));
        cl.execute("demo", "--help");
        assertThat(help.toString()).contains("--cache-dir").contains("REELFM_DATASET_CACHE");
    }
}
