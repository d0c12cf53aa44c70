package io.reelfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the architecture honest: ingest never imports another service or the embedded broker,
 * and only its HTTP package (plus the service entry point) knows about HTTP types, so
 * validation, body parsing and publishing stay testable without a server.
 */
class ModuleBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java/io/reelfm/ingest");

    @Test
    void ingestImportsNoOtherServiceNorTheEmbeddedBroker() {
        assertThat(importsMatching(MAIN, "import io.reelfm.(trainer|serving|launcher|kafka)\\..*")).isEmpty();
    }

    @Test
    void onlyTheHttpLayerUsesHttpTypes() {
        for (String pkg : List.of("validate", "body", "publish", "kafka")) {
            assertThat(importsMatching(MAIN.resolve(pkg), "import (io\\.javalin|jakarta\\.servlet|io\\.reelfm\\.service\\.http\\.(ApiException|ServiceApp)).*"))
                    .as("HTTP imports in package " + pkg).isEmpty();
        }
    }

    private static List<String> importsMatching(Path dir, String regex) {
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.matches(regex)).map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
