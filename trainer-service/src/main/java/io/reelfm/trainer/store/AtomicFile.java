package io.reelfm.trainer.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file as a whole: the content goes to a temporary sibling that is then moved over
 * the target atomically, so a crash mid-write leaves the previous file intact, never half of a
 * new one. Every file the trainer keeps beside its checkpoint is written this way.
 */
public final class AtomicFile {

    /** Writes the content to the stream it is given; the stream is closed afterwards. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param what names the file in the error message, e.g. "trainer checkpoint"
     * @throws UncheckedIOException when the file cannot be written or moved into place
     */
    public static void write(Path target, String what, Content content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " " + target, e);
        }
    }
}
