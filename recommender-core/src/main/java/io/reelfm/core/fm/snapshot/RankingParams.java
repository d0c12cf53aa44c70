package io.reelfm.core.fm.snapshot;

import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.rank.ImplicitPrior;
import io.reelfm.core.rank.InteractionWeight;

/**
 * What only a {@link io.reelfm.core.fm.FmTask#RANKING} snapshot carries beyond its item vectors:
 * the implicit loss and interaction weight serving folds a user in under, and the calibration
 * strength and item genres of its served lists. Held apart so a rating snapshot has one empty
 * value ({@link #NONE}) rather than five unused fields, and so the genre table is checked once,
 * wherever the snapshot was built or decoded.
 */
final class RankingParams {

    private static final int[] NO_GENRES = new int[0];

    /** A rating snapshot's: no implicit loss, no calibration, no genres. */
    static final RankingParams NONE = new RankingParams(null, null, 0, new int[0][], 0, 0);

    private final ImplicitPrior implicitPrior;
    private final InteractionWeight interactionWeight;
    private final double calibration;
    /** Per item its genres as small ids (for calibrated lists); empty for rating snapshots. */
    private final int[][] itemGenres;
    private final int genreCount;

    /**
     * @param items how many items the snapshot has; {@code itemGenres} is empty or has one row per item
     * @throws IllegalArgumentException when the calibration is outside [0, 1), the genre table does
     *                                  not match the items or a genre id is not below {@code genreCount}
     */
    RankingParams(ImplicitPrior implicitPrior, InteractionWeight interactionWeight, double calibration,
                  int[][] itemGenres, int genreCount, int items) {
        if (!(calibration >= 0 && calibration < 1)) {
            throw new IllegalArgumentException("calibration must be in [0, 1), got " + calibration);
        }
        if (itemGenres.length != 0 && itemGenres.length != items) {
            throw new IllegalArgumentException("item genres for " + itemGenres.length + " of " + items + " items");
        }
        for (int[] g : itemGenres) {
            for (int x : g) {
                if (x < 0 || x >= genreCount) {
                    throw new IllegalArgumentException("genre id " + x + " outside 0.." + (genreCount - 1));
                }
            }
        }
        this.implicitPrior = implicitPrior;
        this.interactionWeight = interactionWeight;
        this.calibration = calibration;
        this.itemGenres = itemGenres;
        this.genreCount = genreCount;
    }

    /** True when these are a ranking model's: both its implicit loss and its interaction weight are known. */
    boolean isRanking() {
        return implicitPrior != null && interactionWeight != null;
    }

    ImplicitPrior implicitPrior() {
        return implicitPrior;
    }

    InteractionWeight interactionWeight() {
        return interactionWeight;
    }

    double calibration() {
        return calibration;
    }

    GenreSource genres() {
        return new GenreSource() {
            @Override
            public int count() {
                return genreCount;
            }

            @Override
            public int[] of(int item) {
                return item >= 0 && item < itemGenres.length ? itemGenres[item] : NO_GENRES;
            }
        };
    }
}
