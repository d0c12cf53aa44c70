package io.reelfm.launcher.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The data sets {@code reelfm data download} knows, by the names the CLI accepts. */
public enum KnownDataset {
    MOVIELENS_100K("movielens-100k", "ml-100k"),
    MOVIELENS_1M("movielens-1m", "ml-1m"),
    MOVIELENS_LATEST_SMALL("movielens-latest-small", "ml-latest-small"),
    MOVIELENS_25M("movielens-25m", "ml-25m");

    private final String cliName;
    private final String directoryName;

    KnownDataset(String cliName, String directoryName) {
        this.cliName = cliName;
        this.directoryName = directoryName;
    }

    public String cliName() {
        return cliName;
    }

    /** The folder the archive unpacks to, under the cache directory. */
    public String directoryName() {
        return directoryName;
    }

    public String archiveName() {
        return directoryName + ".zip";
    }

    /** @throws IllegalArgumentException listing the accepted names */
    public static KnownDataset fromName(String name) {
        return Arrays.stream(values()).filter(d -> d.cliName.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown data set '" + name + "': expected one of " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(KnownDataset::cliName).collect(Collectors.joining(", "));
    }
}
