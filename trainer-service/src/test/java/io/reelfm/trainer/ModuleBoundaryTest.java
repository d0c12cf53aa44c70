package io.reelfm.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Services share only schemas, recommender-core and service-common; the trainer imports no other service. */
class ModuleBoundaryTest {

    private static final Pattern FORBIDDEN = Pattern.compile("^import (static )?io\\.reelfm\\.(ingest|serving|launcher)\\.",
            Pattern.MULTILINE);

    @Test
    void trainerSourcesImportNoOtherService() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return FORBIDDEN.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
