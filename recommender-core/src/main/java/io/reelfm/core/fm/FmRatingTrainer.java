package io.reelfm.core.fm;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;

import java.util.List;

/**
 * Plugs any FM configuration into the evaluation harness ({@link RatingTrainer}): encodes the
 * training ratings with the configured feature groups, trains with the configured learner, and
 * answers {@code predict(user, item)} for the harness's dense indices. The id indices map those
 * back to the external ids that side information is keyed by.
 */
public final class FmRatingTrainer implements RatingTrainer {

    private final FmConfig cfg;
    private final SideInfo side;
    private final IdIndex users;
    private final IdIndex items;

    public FmRatingTrainer(FmConfig cfg, SideInfo side, IdIndex users, IdIndex items) {
        this.cfg = cfg;
        this.side = side == null ? SideInfo.empty() : side;
        this.users = users;
        this.items = items;
    }

    @Override
    public String name() {
        return cfg.label();
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        FmEncoder enc = new FmEncoder(new FeatureSpace(), side, cfg.groups());
        FmData data = enc.encode(train, users, items, train);
        List<List<String>> rated = FmEncoder.ratedItems(train, users, items);
        SparseVector[] userVectors = new SparseVector[train.numUsers()];
        for (int u = 0; u < userVectors.length; u++) {
            userVectors[u] = enc.userContext(users.id(u), u < rated.size() ? rated.get(u) : List.of());
        }
        SparseVector[] itemVectors = new SparseVector[train.numItems()];
        for (int i = 0; i < itemVectors.length; i++) {
            itemVectors[i] = enc.item(items.id(i));
        }
        if (cfg.learner() == FmLearner.MCMC && monitor != null) {
            return trainMcmc(data, enc, train, monitor, userVectors, itemVectors, listener);
        }
        FmModel model = FmModelTrainer.train(cfg, data, enc.space(), null);
        RatingPredictor predictor = modelPredictor(model, userVectors, itemVectors);
        listener.onIteration(cfg.iterations(), predictor);
        return predictor;
    }

    /**
     * MCMC's accuracy comes from averaging predictions over samples, so the monitored rows are
     * answered from those averages; other pairs from the posterior-mean model.
     */
    private RatingPredictor trainMcmc(FmData data, FmEncoder enc, RatingSet train, RatingSet monitor,
                                      SparseVector[] userVectors, SparseVector[] itemVectors,
                                      IterationListener listener) {
        FmData monitored = enc.encode(monitor, users, items, train);
        java.util.Map<Long, Integer> rowOf = new java.util.HashMap<>();
        for (int r = 0; r < monitor.size(); r++) {
            rowOf.putIfAbsent(((long) monitor.user(r) << 32) | monitor.item(r), r);
        }
        McmcFmTrainer.Result result = new McmcFmTrainer(cfg).run(data, enc.space(), null, monitored,
                (sample, averaged) -> listener.onIteration(sample, averagedPredictor(averaged, rowOf,
                        (u, i) -> cfg.minTarget())));
        RatingPredictor mean = modelPredictor(result.posteriorMean(), userVectors, itemVectors);
        return averagedPredictor(result.predictions(), rowOf, mean);
    }

    private static RatingPredictor averagedPredictor(float[] averaged, java.util.Map<Long, Integer> rowOf,
                                                     RatingPredictor otherwise) {
        return (u, i) -> {
            Integer r = rowOf.get(((long) u << 32) | i);
            return r != null ? averaged[r] : otherwise.predict(u, i);
        };
    }

    private static RatingPredictor modelPredictor(FmModel model, SparseVector[] userVectors,
                                                  SparseVector[] itemVectors) {
        return (u, i) -> {
            if (u < 0 || u >= userVectors.length || i < 0 || i >= itemVectors.length) {
                return model.predict(SparseVector.EMPTY);
            }
            return model.predict(userVectors[u].concat(itemVectors[i]));
        };
    }
}
