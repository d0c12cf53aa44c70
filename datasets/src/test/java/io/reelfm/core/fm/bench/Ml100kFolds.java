package io.reelfm.core.fm.bench;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.fm.FeatureGroup;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmModelTrainer;
import io.reelfm.core.fm.McmcFmTrainer;
import io.reelfm.core.fm.snapshot.FmItemScorer;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.datasets.model.Ml100k;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The accuracy table of docs/benchmarks.md: test RMSE of FM configurations on the canonical
 * MovieLens 100K folds (u1..u5 base/test), the RMSE of the served predictor (item-side snapshot
 * plus fold-in of each test user's training ratings) and wall time per fold, which includes
 * reading the text files and scoring the test set after every sample, as libFM's figures do.
 * CPU seconds of the main thread are printed beside wall time, since on a shared machine the
 * wall figure mostly measures the other load.
 *
 * <p>Run: {@code java -cp <core classpath> io.reelfm.core.fm.bench.Ml100kFolds [rows...]} where a
 * row is {@code learner:k:iterations:groups}, e.g. {@code mcmc:8:200:USER+ITEM}; no argument runs
 * the standard rows. {@code -Dfolds=1} restricts the folds; {@code -Dseed=N} changes the seed of
 * every learner (42 by default), to see how much of a difference between rows is the chain's own
 * variation.
 */
public final class Ml100kFolds {

    private Ml100kFolds() {
    }

    public static void main(String[] args) {
        Path dir = Ml100k.locate().orElseThrow(() -> new IllegalStateException(
                io.reelfm.datasets.download.MovieLens100kLocation.HOW_TO_GET_IT));
        List<String> rows = args.length > 0 ? List.of(args) : List.of(
                "mcmc:8:200:USER+ITEM", "mcmc:32:200:USER+ITEM",
                "mcmc:8:200:USER+ITEM+GENRES+PROFILE", "mcmc:32:200:USER+ITEM+GENRES+PROFILE",
                "mcmc:8:100:USER+ITEM+GENRES+PROFILE+IMPLICIT",
                "mcmc:16:200:USER+ITEM+GENRES+PROFILE+YEAR+IMPLICIT+RATERS",
                "als:8:30:USER+ITEM+GENRES+PROFILE", "sgd:32:80:USER+ITEM");
        String foldsProp = System.getProperty("folds", "1,2,3,4,5");
        List<Integer> folds = new ArrayList<>();
        for (String f : foldsProp.split(",")) {
            folds.add(Integer.parseInt(f.trim()));
        }
        System.out.println("| configuration | mean RMSE | u1 RMSE | served mean | served u1 | wall s/fold | CPU s/fold |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String row : rows) {
            FmConfig cfg = parse(row);
            double sum = 0;
            double servedSum = 0;
            double u1 = Double.NaN;
            double servedU1 = Double.NaN;
            double seconds = 0;
            double cpu = 0;
            for (int fold : folds) {
                FoldScore s = runFold(dir, fold, cfg);
                sum += s.rmse;
                servedSum += s.servedRmse;
                seconds += s.seconds;
                cpu += s.cpuSeconds;
                if (fold == 1) {
                    u1 = s.rmse;
                    servedU1 = s.servedRmse;
                }
            }
            int n = folds.size();
            System.out.printf(Locale.ROOT, "| %s, %d iters | %.4f | %.4f | %.4f | %.4f | %.2f | %.2f |%n",
                    cfg.label(), cfg.iterations(), sum / n, u1, servedSum / n, servedU1, seconds / n, cpu / n);
        }
    }

    record FoldScore(double rmse, double servedRmse, double seconds, double cpuSeconds) {
    }

    static FoldScore runFold(Path dir, int fold, FmConfig cfg) {
        long t0 = System.nanoTime();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        Ml100k.Fold f = Ml100k.fold(dir, fold);
        SideInfo side = Ml100k.sideInfo(dir);
        FeatureSpace space = new FeatureSpace();
        FmEncoder enc = new FmEncoder(space, side, cfg.groups());
        FmData train = enc.encode(f.train(), f.users(), f.items(), f.train());
        FmData test = enc.encode(f.test(), f.users(), f.items(), f.train());
        float[] pred;
        FmModel model;
        if (cfg.learner() == FmLearner.MCMC) {
            McmcFmTrainer.Result r = new McmcFmTrainer(cfg).run(train, space, null, test, null);
            pred = r.predictions();
            model = r.posteriorMean();
        } else {
            model = FmModelTrainer.train(cfg, train, space, null);
            pred = model.predictAll(test);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        double rmse = rmse(pred, test);
        FmSnapshot snap = FmSnapshot.export(model, enc, f.items());
        float[] served = ServedPredictor.predict(new FmItemScorer(snap), side, f);
        return new FoldScore(rmse, rmse(served, test), seconds, cpuSeconds);
    }

    public static double rmse(float[] pred, FmData test) {
        double s = 0;
        for (int i = 0; i < pred.length; i++) {
            double d = pred[i] - test.target(i);
            s += d * d;
        }
        return Math.sqrt(s / pred.length);
    }

    static FmConfig parse(String row) {
        String[] p = row.split(":");
        if (p.length != 4) {
            throw new IllegalArgumentException("row must be learner:k:iterations:groups, got " + row);
        }
        Set<FeatureGroup> groups = EnumSet.noneOf(FeatureGroup.class);
        for (String g : p[3].split("\\+")) {
            groups.add(FeatureGroup.valueOf(g.trim().toUpperCase(Locale.ROOT)));
        }
        FmLearner learner = FmLearner.valueOf(p[0].toUpperCase(Locale.ROOT));
        FmConfig cfg = FmConfig.defaults().withLearner(learner).withK(Integer.parseInt(p[1]))
                .withIterations(Integer.parseInt(p[2])).withGroups(groups)
                .withSeed(Long.getLong("seed", FmConfig.defaults().seed()));
        if (learner == FmLearner.SGD) {
            cfg = cfg.withRegularisation(0, 0.04, 0.12).withLearningRate(0.015, 0.05);
        } else if (learner == FmLearner.ALS) {
            cfg = cfg.withRegularisation(0, 2, 8);
        }
        return cfg;
    }
}
