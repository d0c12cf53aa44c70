package io.reelfm.datasets.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class MovieLens100kLocationTest {

    @Test
    void findsTheCopyThatTheDownloadCommandKeepsInTheCache(@TempDir Path home) throws Exception {
        assumeTrue(System.getenv(MovieLens100kLocation.ENV) == null && System.getenv("REELFM_DATASET_CACHE") == null,
                "the environment names a copy or a cache of its own");
        Path copy = Files.createDirectories(home.resolve(".cache/reelfm/datasets/movielens-100k/ml-100k"));
        for (String file : new String[] {"u.data", "u.item", "u.user"}) {
            Files.writeString(copy.resolve(file), "");
        }
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertThat(MovieLens100kLocation.find()).contains(copy.toAbsolutePath().normalize());
        } finally {
            System.setProperty("user.home", before);
        }
    }
}
