package io.reelfm.launcher.replay;

import java.nio.file.Path;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.format.DatasetFormat;

/** Opens {@code --data DIR} in whatever known format it holds, with errors that name the option. */
public final class DataSets {

    private DataSets() {
    }

    /** @throws IllegalArgumentException starting with {@code --data DIR} and listing the formats expected */
    public static Dataset open(Path dir) {
        try {
            return DatasetFormat.open(dir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--data " + dir + ": " + e.getMessage(), e);
        }
    }
}
