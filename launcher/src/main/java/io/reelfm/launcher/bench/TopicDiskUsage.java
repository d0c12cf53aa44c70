package io.reelfm.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one topic occupies in a broker's data directory: the bytes of its partitions' log segments
 * (the records themselves) and of every file in its partition directories (segments plus the
 * offset and time indexes, which Kafka sizes ahead for the active segment). Divided by the records
 * written, the first is the disk a rating costs; the second is what a freshly written topic holds.
 *
 * @param logBytes   bytes of the {@code .log} segment files
 * @param totalBytes bytes of all files in the partition directories
 */
public record TopicDiskUsage(long logBytes, long totalBytes) {

    /** Sums the partition directories {@code <topic>-<n>} found anywhere under {@code dataDir}. */
    public static TopicDiskUsage of(Path dataDir, String topic) {
        Pattern partitionDir = Pattern.compile(Pattern.quote(topic) + "-\\d+");
        long log = 0;
        long total = 0;
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path parent = file.getParent();
                if (parent == null || !Files.isRegularFile(file) || !partitionDir.matcher(parent.getFileName().toString()).matches()) {
                    continue;
                }
                long size = Files.size(file);
                total += size;
                if (file.getFileName().toString().endsWith(".log")) {
                    log += size;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure topic " + topic + " under " + dataDir, e);
        }
        return new TopicDiskUsage(log, total);
    }
}
