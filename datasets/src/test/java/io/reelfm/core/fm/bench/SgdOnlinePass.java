package io.reelfm.core.fm.bench;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.fm.FeatureSpace;
import io.reelfm.core.fm.FmConfig;
import io.reelfm.core.fm.FmData;
import io.reelfm.core.fm.FmEncoder;
import io.reelfm.core.fm.FmLearner;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.SgdFmTrainer;
import io.reelfm.datasets.model.Ml100k;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The streaming case: SGD sees each training rating of a fold exactly once, in event-time order
 * (as the trainer consumes the ratings topic), then the fold's test set is scored. Prints test
 * RMSE per fold and the mean, and the examples per CPU-second of the pass.
 *
 * <p>Run: {@code java -cp <core classpath> io.reelfm.core.fm.bench.SgdOnlinePass [k] [learningRate]}
 */
public final class SgdOnlinePass {

    private SgdOnlinePass() {
    }

    public static void main(String[] args) {
        Path dir = Ml100k.locate().orElseThrow(() -> new IllegalStateException("set " + Ml100k.ENV));
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0.03;
        FmConfig cfg = FmConfig.defaults().withLearner(FmLearner.SGD).withK(k).withIterations(1)
                .withRegularisation(0, 0.04, 0.12).withLearningRate(rate, 0);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double sum = 0;
        for (int fold = 1; fold <= 5; fold++) {
            Ml100k.Fold f = Ml100k.fold(dir, fold);
            RatingSet train = f.train();
            int[] order = IntStream.range(0, train.size()).boxed()
                    .sorted(Comparator.comparingLong(train::time)).mapToInt(Integer::intValue).toArray();
            RatingSet inTime = train.select(order);
            FmEncoder enc = new FmEncoder(new FeatureSpace(), SideInfo.empty(), Set.of());
            FmData data = enc.encode(inTime, f.users(), f.items(), inTime);
            FmData test = enc.encode(f.test(), f.users(), f.items(), inTime);
            long c0 = mx.getCurrentThreadCpuTime();
            FmModel m = new SgdFmTrainer(cfg).trainOnePass(data, enc.space(), null);
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            double rmse = Ml100kFolds.rmse(m.predictAll(test), test);
            sum += rmse;
            System.out.printf(Locale.ROOT, "u%d one pass in time order: RMSE %.4f, %.0f examples/CPU-s%n", fold, rmse,
                    data.rows() / cpu);
        }
        System.out.printf(Locale.ROOT, "mean %.4f (k=%d, learning rate %s)%n", sum / 5, k, rate);
    }
}
