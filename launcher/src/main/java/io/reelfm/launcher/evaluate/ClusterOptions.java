package io.reelfm.launcher.evaluate;

import io.reelfm.trainer.evaluate.ClusterPlan;
import picocli.CommandLine.Option;

/**
 * {@code --cluster-max-k}, {@code --fm-clusters} and {@code --no-clusters} of {@code evaluate}:
 * which of the two clusterings of a {@link ClusterPlan} run (movies by content features, and the
 * FM item vectors of the last trained model), and how far k goes.
 */
final class ClusterOptions {

    @Option(names = "--cluster-max-k", description = "Largest k tried when clustering (default: the trainer's rule, "
            + "the square root of half the number of items, at most 40).")
    Integer clusterMaxK;

    @Option(names = "--fm-clusters", description = "Also cluster the FM item vectors of the last fold's model (k by silhouette), described by content features.")
    boolean fmClusters;

    @Option(names = "--no-clusters", description = "Skip the content-feature clustering and its chart.")
    boolean noClusters;

    /** The clusterings these options ask for. */
    ClusterPlan plan() {
        return new ClusterPlan(clusterMaxK, !noClusters, fmClusters);
    }
}
