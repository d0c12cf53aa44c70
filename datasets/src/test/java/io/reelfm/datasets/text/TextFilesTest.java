package io.reelfm.datasets.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelfm.datasets.LineErrors;

class TextFilesTest {

    @TempDir
    Path dir;

    private void gzip(Path file, String content) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void recordsWithAnotherFieldCountAreReportedNamingTheSeparator() throws Exception {
        Path file = dir.resolve("users.dat");
        Files.writeString(file, "1::F::\n2::M\n3::::x\n");
        List<List<String>> records = new ArrayList<>();
        LineErrors errors = new LineErrors();

        long good = TextFiles.forEachRecord(file, StandardCharsets.UTF_8, Separator.DOUBLE_COLON, 3, errors,
                (fields, n, raw) -> records.add(fields));

        assertThat(good).isEqualTo(2);
        assertThat(records).containsExactly(List.of("1", "F", ""), List.of("3", "", "x"));
        assertThat(errors.first()).singleElement().satisfies(b -> {
            assertThat(b.lineNumber()).isEqualTo(2);
            assertThat(b.reason()).isEqualTo("expected 3 '::'-separated fields, found 2");
        });
    }

    @Test
    void readsGzipDetectedByMagicBytesEvenWithoutTheExtension() throws Exception {
        Path file = dir.resolve("renamed.tsv");
        gzip(file, "header\nfirst\n\nthird\n");
        List<String> seen = new ArrayList<>();

        long good = TextFiles.forEachLine(file, StandardCharsets.UTF_8, 1, (line, n) -> seen.add(n + ":" + line));

        assertThat(TextFiles.isGzip(file)).isTrue();
        assertThat(good).isEqualTo(2);
        assertThat(seen).containsExactly("2:first", "4:third");
    }

    @Test
    void plainFilesAreNotMistakenForGzip() throws Exception {
        Path file = dir.resolve("plain.tsv");
        Files.writeString(file, "a\n");

        assertThat(TextFiles.isGzip(file)).isFalse();
    }

    @Test
    void lineCountEstimateIsExactForSmallFilesAndSkipsTheHeader() throws Exception {
        Path file = dir.resolve("ratings.csv");
        Files.writeString(file, "h\n1\n2\n3");

        assertThat(LineCountEstimate.of(file, 1)).hasValue(3);
    }

    @Test
    void lineCountEstimateExtrapolatesLargeFilesFromTheirFirstMegabyte() throws Exception {
        Path file = dir.resolve("big.dat");
        String line = "123456789\n";
        Files.writeString(file, line.repeat(300_000));

        assertThat(LineCountEstimate.of(file, 0).getAsLong()).isBetween(299_000L, 301_000L);
    }
}
