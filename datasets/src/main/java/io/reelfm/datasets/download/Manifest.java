package io.reelfm.datasets.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the downloader recorded about the files of a {@link KnownDataset.Packaging#FILES} data set
 * it stored: per file, its size in bytes and SHA-256, in {@code <cache>/<id>/MANIFEST}. A file is
 * only taken as present when it still has that size and hash, so a file damaged or replaced in
 * the cache is fetched again; the publisher (IMDb) gives no checksum to check against instead.
 *
 * <p>Text, one file a line: {@code <sha256>  <size>  <name>}, after {@code #} comment lines.
 * Written to a temporary file and moved into place, so it is never seen half written.
 */
public final class Manifest {

    public static final String FILE_NAME = "MANIFEST";

    private static final String HEADER = "# reelfm data set manifest: SHA-256, size in bytes, file name\n";

    /** One stored file. */
    public record Entry(String name, long size, String sha256) {
    }

    private final Map<String, Entry> entries;

    private Manifest(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The manifest of {@code dir}; empty when there is none or it cannot be read. */
    public static Manifest read(Path dir) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Manifest(entries);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Manifest(entries);
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length == 3 && parts[0].matches("[0-9a-f]{64}") && parts[1].matches("[0-9]{1,19}")) {
                entries.put(parts[2], new Entry(parts[2], Long.parseLong(parts[1]), parts[0]));
            }
        }
        return new Manifest(entries);
    }

    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Collection<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The sum of the recorded sizes. */
    public long totalBytes() {
        return entries.values().stream().mapToLong(Entry::size).sum();
    }

    /** True when {@code dir/name} exists with the recorded size and SHA-256 (hashing the whole file). */
    boolean matches(Path dir, String name) throws IOException {
        Entry e = entries.get(name);
        Path file = dir.resolve(name);
        return e != null && Files.isRegularFile(file) && Files.size(file) == e.size()
                && Md5.sha256(file).equals(e.sha256());
    }

    /** A copy with {@code entry} recorded (replacing one of the same name). */
    Manifest with(Entry entry) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(entry.name(), entry);
        return new Manifest(copy);
    }

    /** A copy without the entry of {@code name}. */
    Manifest without(String name) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.remove(name);
        return new Manifest(copy);
    }

    /** Writes {@code dir/MANIFEST} atomically. */
    void write(Path dir) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        for (Entry e : sorted) {
            text.append(e.sha256()).append("  ").append(e.size()).append("  ").append(e.name()).append('\n');
        }
        Path temp = Files.createTempFile(dir, FILE_NAME + ".", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
