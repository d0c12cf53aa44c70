package io.reelfm.datasets.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip archive while refusing entries that would land outside the target directory
 * ("zip slip": {@code ../} or absolute names) and archives that unpack to more than a limit.
 */
final class SafeUnzip {

    private static final int BUFFER = 1 << 16;

    private SafeUnzip() {
    }

    /**
     * @throws DatasetUnavailableException naming the entry when the archive is unsafe or too large
     */
    static void extract(Path zip, Path target, long maxBytes) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        long written = 0;
        byte[] buffer = new byte[BUFFER];
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new DatasetUnavailableException("Archive " + zip.getFileName() + " has an entry outside its "
                            + "directory: '" + entry.getName() + "'; refusing to unpack it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (OutputStream out = Files.newOutputStream(destination)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        written += read;
                        if (written > maxBytes) {
                            throw new DatasetUnavailableException("Archive " + zip.getFileName() + " unpacks to more than "
                                    + maxBytes + " bytes (at entry '" + entry.getName() + "'); refusing it");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        }
    }
}
