package io.reelfm.launcher.evaluate;

import io.reelfm.core.data.RatingsLoader;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.eval.split.Split;
import io.reelfm.core.eval.split.Splits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The splits named by {@code --folds}, read from a MovieLens 100K-format directory, over one
 * user and one item index shared by every split (so per-item statistics and content features
 * line up across folds).
 *
 * <ul>
 *   <li>{@code u1,u2,...}: the canonical files {@code uN.base}/{@code uN.test};</li>
 *   <li>{@code kfold:K}: seeded K-fold cross-validation over {@code u.data};</li>
 *   <li>{@code time}, {@code time:N} or {@code time:F}: per-user holdout of the N most recent
 *       ratings (default 10) or the most recent fraction F in (0, 1) of {@code u.data}.</li>
 * </ul>
 */
record EvaluationData(List<Split> splits, IdIndex users, IdIndex items, RatingSet all) {

    static EvaluationData load(Path dir, String folds, long seed) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data: " + dir + " is not a directory");
        }
        String spec = folds.trim();
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        if (spec.startsWith("kfold")) {
            int k = parseInt(after(spec, "kfold", "5"), "--folds kfold:K");
            RatingSet all = readAll(dir, users, items);
            return new EvaluationData(Splits.kFold(all, k, seed), users, items, all);
        }
        if (spec.startsWith("time")) {
            String arg = after(spec, "time", "10");
            RatingSet all = readAll(dir, users, items);
            Split split = arg.contains(".")
                    ? Splits.timeHoldoutFraction(all, parseDouble(arg, "--folds time:F"))
                    : Splits.timeHoldoutLastN(all, parseInt(arg, "--folds time:N"));
            return new EvaluationData(List.of(split), users, items, all);
        }
        List<String> names = new ArrayList<>();
        List<RatingSetBuilder[]> builders = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String name = raw.trim();
            if (!name.matches("u[1-5]")) {
                throw new IllegalArgumentException("--folds: '" + name + "' is not one of u1..u5, kfold:K or time[:N|:F]");
            }
            Path base = dir.resolve(name + ".base");
            Path test = dir.resolve(name + ".test");
            requireFile(base);
            requireFile(test);
            RatingSetBuilder train = new RatingSetBuilder(users, items);
            RatingSetBuilder held = new RatingSetBuilder(users, items);
            RatingsLoader.read(base, train);
            RatingsLoader.read(test, held);
            names.add(name);
            builders.add(new RatingSetBuilder[] {train, held});
        }
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            RatingSetBuilder[] b = builders.get(f);
            splits.add(new Split(names.get(f), b[0].build(users.size(), items.size()), b[1].build(users.size(), items.size())));
        }
        RatingSet firstTrain = splits.get(0).train();
        return new EvaluationData(splits, users, items, firstTrain);
    }

    private static RatingSet readAll(Path dir, IdIndex users, IdIndex items) {
        Path data = dir.resolve("u.data");
        requireFile(data);
        RatingSetBuilder builder = new RatingSetBuilder(users, items);
        RatingsLoader.read(data, builder);
        return builder.build();
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--data: missing " + file);
        }
    }

    private static String after(String spec, String prefix, String fallback) {
        String rest = spec.substring(prefix.length());
        if (rest.isEmpty()) {
            return fallback;
        }
        if (!rest.startsWith(":") || rest.length() == 1) {
            throw new IllegalArgumentException("--folds: expected " + prefix + " or " + prefix + ":VALUE, got '" + spec + "'");
        }
        return rest.substring(1);
    }

    private static int parseInt(String value, String what) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + value + "' is not a whole number", e);
        }
    }

    private static double parseDouble(String value, String what) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + value + "' is not a number", e);
        }
    }
}
