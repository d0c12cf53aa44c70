package io.reelfm.launcher.evaluate;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.fm.AlsFmTrainer;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.McmcFmTrainer;
import io.reelfm.core.fm.SgdFmTrainer;
import io.reelfm.core.fm.SparseVector;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the factorization machines behind the harness's {@link RatingTrainer}. Per-iteration test
 * error comes from MCMC's sample listener (sample-averaged predictions on the held-out rows);
 * ALS and SGD are run one iteration at a time, each warm-started from the previous model (SGD
 * with a new shuffle seed per epoch), which is how their chart curves are obtained.
 */
final class FmRatingTrainer implements RatingTrainer {

    private final FmConfig config;
    private final SideInfo side;
    private final IdIndex users;
    private final IdIndex items;
    private volatile float[][] lastItemVectors;

    FmRatingTrainer(FmConfig config, SideInfo side, IdIndex users, IdIndex items) {
        this.config = config;
        this.side = side;
        this.users = users;
        this.items = items;
    }

    @Override
    public String name() {
        return "fm-" + config.learner().name().toLowerCase(Locale.ROOT) + "-k" + config.k();
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        FeatureSpace space = new FeatureSpace();
        FmEncoder encoder = new FmEncoder(space, side, config.groups());
        FmData data = encoder.encode(train, users, items, train);
        FmData monitorData = monitor == null ? null : encoder.encode(monitor, users, items, train);
        List<List<String>> rated = FmEncoder.ratedItems(train, users, items);
        FmModel model;
        switch (config.learner()) {
            case MCMC -> {
                McmcFmTrainer.SampleListener samples = monitor == null ? null
                        : (sample, averaged) -> listener.onIteration(sample, lookup(monitor, averaged));
                model = new McmcFmTrainer(config).run(data, space, null, monitorData, samples).posteriorMean();
            }
            case ALS -> {
                model = null;
                for (int it = 1; it <= config.iterations(); it++) {
                    model = new AlsFmTrainer(config.withIterations(1)).train(data, space, model);
                    listener.onIteration(it, new FmPredictor(model, encoder, rated));
                }
            }
            case SGD -> {
                model = null;
                for (int it = 1; it <= config.iterations(); it++) {
                    FmConfig epoch = config.withIterations(1).withSeed(config.seed() + it);
                    model = new SgdFmTrainer(epoch).train(data, space, model);
                    listener.onIteration(it, new FmPredictor(model, encoder, rated));
                }
            }
            default -> throw new IllegalStateException("unknown learner " + config.learner());
        }
        lastItemVectors = itemVectors(model, encoder);
        return new FmPredictor(model, encoder, rated);
    }

    /**
     * Item vectors of the model from the last {@link #train} call: for each item index, the sum
     * of the factor vectors of its item-side features weighted by their values.
     */
    float[][] lastItemVectors() {
        return lastItemVectors;
    }

    private float[][] itemVectors(FmModel model, FmEncoder encoder) {
        int k = model.k();
        float[][] out = new float[items.size()][k];
        float[] factors = new float[k];
        for (int i = 0; i < items.size(); i++) {
            SparseVector x = encoder.item(items.id(i));
            for (int j = 0; j < x.nnz(); j++) {
                if (x.indices()[j] < model.numFeatures()) {
                    model.factors(x.indices()[j], factors);
                    for (int f = 0; f < k; f++) {
                        out[i][f] += x.values()[j] * factors[f];
                    }
                }
            }
        }
        return out;
    }

    /** Scores the monitored rows from precomputed predictions; other pairs are outside its scope. */
    private static RatingPredictor lookup(RatingSet monitor, float[] predictions) {
        Map<Long, Float> byPair = new HashMap<>(predictions.length * 2);
        for (int r = 0; r < monitor.size(); r++) {
            byPair.put(((long) monitor.user(r) << 32) | monitor.item(r), predictions[r]);
        }
        return (user, item) -> {
            Float p = byPair.get(((long) user << 32) | item);
            if (p == null) {
                throw new IllegalArgumentException("pair (" + user + ", " + item + ") was not monitored");
            }
            return p;
        };
    }

    /** Encodes a (user, item) pair the way training did and asks the model; unknown features are dropped. */
    private final class FmPredictor implements RatingPredictor {
        private final FmModel model;
        private final FmEncoder encoder;
        private final List<List<String>> rated;
        private final Map<Integer, SparseVector> userVectors = new HashMap<>();
        private final Map<Integer, SparseVector> itemVectors = new HashMap<>();

        FmPredictor(FmModel model, FmEncoder encoder, List<List<String>> rated) {
            this.model = model;
            this.encoder = encoder;
            this.rated = rated;
        }

        @Override
        public synchronized float predict(int user, int item) {
            SparseVector u = userVectors.computeIfAbsent(user, k -> known(encoder.userContext(users.id(k),
                    k < rated.size() ? rated.get(k) : List.of())));
            SparseVector i = itemVectors.computeIfAbsent(item, k -> known(encoder.item(items.id(k))));
            return model.predict(u.concat(i));
        }

        private SparseVector known(SparseVector v) {
            int n = 0;
            for (int j = 0; j < v.nnz(); j++) {
                if (v.indices()[j] < model.numFeatures()) {
                    n++;
                }
            }
            if (n == v.nnz()) {
                return v;
            }
            int[] idx = new int[n];
            float[] val = new float[n];
            int p = 0;
            for (int j = 0; j < v.nnz(); j++) {
                if (v.indices()[j] < model.numFeatures()) {
                    idx[p] = v.indices()[j];
                    val[p++] = v.values()[j];
                }
            }
            return new SparseVector(idx, val);
        }
    }
}
