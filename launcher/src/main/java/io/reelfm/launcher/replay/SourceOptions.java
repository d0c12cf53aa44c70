package io.reelfm.launcher.replay;

import java.nio.file.Path;
import java.util.Optional;

import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.synthetic.SyntheticConfig;
import io.reelfm.datasets.synthetic.SyntheticDataset;
import io.reelfm.schemas.RatingScale;
import picocli.CommandLine.Option;

/** Which data set to replay: a local copy or a generated one (the datasets module's seeded generator). */
public final class SourceOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "A local data set directory: MovieLens 100K, MovieLens 1M, MovieLens CSV (latest, 25M) or IMDb; the format is detected.")
    Path data;

    @Option(names = "--synthetic", description = "Replay a generated data set instead of MovieLens.")
    boolean synthetic;

    @Option(names = "--synthetic-seed", paramLabel = "SEED", defaultValue = "42",
            description = "Seed of the generated data set (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--synthetic-users", paramLabel = "N", defaultValue = "943",
            description = "Users in the generated data set (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--synthetic-movies", paramLabel = "N", defaultValue = "1682",
            description = "Movies in the generated data set (default: ${DEFAULT-VALUE}).")
    int movies;

    @Option(names = "--synthetic-ratings", paramLabel = "N", defaultValue = "100000",
            description = "Ratings in the generated data set (default: ${DEFAULT-VALUE}).")
    int ratings;

    @Option(names = "--synthetic-scale", paramLabel = "SCALE", defaultValue = "whole",
            description = "Rating scale of the generated data set: whole (1..5) or half (0.5..5 in half stars, like MovieLens 25M) (default: ${DEFAULT-VALUE}).")
    String scale;

    public Path data() {
        return data;
    }

    /**
     * The data set named by {@code --data} or {@code --synthetic}, or empty when neither is given.
     *
     * @throws IllegalArgumentException naming the options when both are given or the directory holds no known format
     */
    public Optional<Dataset> chosen() {
        if (data != null && synthetic) {
            throw new IllegalArgumentException("--data and --synthetic cannot be combined: choose one data set");
        }
        if (data != null) {
            return Optional.of(DataSets.open(data));
        }
        return synthetic ? Optional.of(syntheticSource()) : Optional.empty();
    }

    /** @throws IllegalArgumentException naming the parameter when a size is out of range */
    public SyntheticDataset syntheticSource() {
        return new SyntheticDataset(SyntheticConfig.defaults().withSeed(seed).withSize(users, movies, ratings)
                .withScale(scale()).withTimelineEndingBy(TIMELINE_END));
    }

    /** Generated ratings end by this instant (2025-01-01), safely in the past for the ingest rules. */
    private static final long TIMELINE_END = 1_735_689_600_000L;

    private RatingScale scale() {
        return switch (scale) {
            case "whole" -> RatingScale.WHOLE_STARS;
            case "half" -> RatingScale.HALF_STARS;
            default -> throw new IllegalArgumentException("--synthetic-scale must be whole or half, was " + scale);
        };
    }
}
