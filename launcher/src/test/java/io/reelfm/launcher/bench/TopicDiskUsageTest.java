package io.reelfm.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicDiskUsageTest {

    @TempDir
    Path dir;

    @Test
    void countsOnlyTheTopicsOwnPartitionsAndSeparatesSegmentsFromIndexes() throws IOException {
        write("logs/ratings-0/00000000000000000000.log", 100);
        write("logs/ratings-0/00000000000000000000.index", 40);
        write("logs/ratings-5/00000000000000000000.log", 7);
        write("logs/ratings-bench-0/00000000000000000000.log", 1_000);
        write("logs/movies-0/00000000000000000000.log", 2_000);
        write("logs/ratings-0.meta", 3_000);

        TopicDiskUsage usage = TopicDiskUsage.of(dir, "ratings");

        assertThat(usage.logBytes()).isEqualTo(107);
        assertThat(usage.totalBytes()).isEqualTo(147);
    }

    private void write(String path, int bytes) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}
