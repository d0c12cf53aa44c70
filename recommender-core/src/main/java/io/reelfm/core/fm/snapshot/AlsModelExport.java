package io.reelfm.core.fm.snapshot;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.metrics.GenreSource;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmTask;
import io.reelfm.core.fm.FoldInPrior;
import io.reelfm.core.rank.AttributeAlsModel;
import io.reelfm.core.rank.AttributeRows;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.InteractionWeight;

/**
 * Builds a RANKING {@link FmSnapshot} from an {@link ImplicitAlsModel} ({@link FmSnapshot#ranking}).
 * Kept apart from {@link FmModelExport} because an implicit model maps onto the snapshot
 * differently: item vectors only, no biases, plus the loss and genres serving needs; the attribute
 * model adds its profile embeddings as user-side PROFILE features (factors only), the prior mean a
 * fold-in centres its ridge on.
 */
final class AlsModelExport {

    private AlsModelExport() {
    }

    /** See {@link FmSnapshot#ranking(AttributeAlsModel, IdIndex, double, GenreSource)}. */
    static FmSnapshot export(AttributeAlsModel model, IdIndex items, double calibration, GenreSource genres) {
        AttributeRows profile = model.userAttributes();
        FeatureSpace space = new FeatureSpace();
        float[] embeddings = new float[profile.attributes() * model.k()];
        for (int a = 0; a < profile.attributes(); a++) {
            int j = space.indexOf(FeatureGroup.PROFILE, profile.name(a));
            System.arraycopy(model.userEmbedding(a), 0, embeddings, j * model.k(), model.k());
        }
        return export(model.vectors(), items, calibration, genres, space, embeddings);
    }

    /** See {@link FmSnapshot#ranking(ImplicitAlsModel, IdIndex, double, GenreSource)}. */
    static FmSnapshot export(ImplicitAlsModel model, IdIndex items, double calibration, GenreSource genres) {
        return export(model, items, calibration, genres, new FeatureSpace(), new float[0]);
    }

    private static FmSnapshot export(ImplicitAlsModel model, IdIndex items, double calibration, GenreSource genres,
                                     FeatureSpace profile, float[] profileFactors) {
        int k = model.k();
        int n = model.items();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = items.id(i);
        }
        float[] factors = model.itemFactors();
        InteractionWeight w = model.config().weight();
        SnapshotItems rows = new SnapshotItems(k, ids, new float[n], factors, factors.clone(), null);
        RankingParams ranking = new RankingParams(model.config().prior(), w, calibration, genreTable(genres, n),
                genres == null ? 0 : genres.count(), n);
        return new FmSnapshot(FmTask.RANKING, k, 0f, w.min(), w.max(),
                FoldInPrior.ridge(0f, (float) model.config().prior().reg(), k), profile, new float[profile.size()],
                profileFactors, rows, ranking);
    }

    private static int[][] genreTable(GenreSource genres, int n) {
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = genres == null ? new int[0] : genres.of(i).clone();
        }
        return out;
    }
}
