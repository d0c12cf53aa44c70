package io.reelfm.trainer.evaluate;

import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.split.Split;
import io.reelfm.core.eval.split.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code --folds} asks for, parsed before any data is read so that a typo fails at once
 * rather than after minutes of loading MovieLens 25M.
 *
 * <p>The canonical files ({@code u1..u5}) are read as published; every other protocol is cut
 * from the full rating set by {@link Splits}, so it works for any data set format.
 */
sealed interface FoldSpec {

    /** The strong-generalisation test share: the later 20% of each held-out user's ratings. */
    double STRONG_TEST_SHARE = 0.2;

    /** {@code u1..u5}: the canonical {@code uN.base}/{@code uN.test} files of MovieLens 100K. */
    record Canonical(List<String> names) implements FoldSpec {
    }

    /** A protocol that cuts the full rating set. */
    sealed interface Derived extends FoldSpec {
        /** @throws IllegalArgumentException naming {@code --folds} when the data is too small for it */
        List<Split> splits(RatingSet all, long seed);
    }

    /** {@code kfold:K}: seeded K-fold cross-validation. */
    record KFold(int k) implements Derived {
        @Override
        public List<Split> splits(RatingSet all, long seed) {
            return cut("kfold:" + k, () -> Splits.kFold(all, k, seed));
        }
    }

    /** {@code time[:N]}: per-user holdout of the N latest ratings. */
    record TimeLastN(int n) implements Derived {
        @Override
        public List<Split> splits(RatingSet all, long seed) {
            return cut("time:" + n, () -> List.of(Splits.timeHoldoutLastN(all, n)));
        }
    }

    /** {@code time:F}: per-user holdout of the latest fraction F. */
    record TimeFraction(double fraction) implements Derived {
        @Override
        public List<Split> splits(RatingSet all, long seed) {
            return cut("time:" + fraction, () -> List.of(Splits.timeHoldoutFraction(all, fraction)));
        }
    }

    /** {@code strong[:F]}: a share F of the users held out whole, folded in from their earlier ratings. */
    record Strong(double userShare) implements Derived {
        @Override
        public List<Split> splits(RatingSet all, long seed) {
            return cut("strong:" + userShare,
                    () -> List.of(Splits.strongGeneralisation(all, userShare, STRONG_TEST_SHARE, seed)));
        }
    }

    /**
     * {@code cold-items[:F]}: a share F of the rated items held out whole (item cold start); each user
     * with a relevant held-out rating ranks the held-out items only, see {@link Splits#coldItems}.
     */
    record ColdItems(double itemShare) implements Derived {
        @Override
        public List<Split> splits(RatingSet all, long seed) {
            return cut("cold-items:" + itemShare, () -> List.of(Splits.coldItems(all, itemShare, seed)));
        }
    }

    /** @throws IllegalArgumentException naming {@code --folds} and the offending part */
    static FoldSpec parse(String folds) {
        String spec = folds.trim();
        if (spec.startsWith("kfold")) {
            int k = parseInt(after(spec, "kfold", "5"), "--folds kfold:K");
            if (k < 2) {
                throw new IllegalArgumentException("--folds kfold:K: K must be at least 2, got " + k);
            }
            return new KFold(k);
        }
        if (spec.startsWith("time")) {
            String arg = after(spec, "time", "10");
            if (arg.contains(".")) {
                return new TimeFraction(share(arg, "--folds time:F"));
            }
            int n = parseInt(arg, "--folds time:N");
            if (n < 1) {
                throw new IllegalArgumentException("--folds time:N: N must be at least 1, got " + n);
            }
            return new TimeLastN(n);
        }
        if (spec.startsWith("cold-items")) {
            return new ColdItems(share(after(spec, "cold-items", "0.1"), "--folds cold-items:F"));
        }
        if (spec.startsWith("strong")) {
            return new Strong(share(after(spec, "strong", "0.1"), "--folds strong:F"));
        }
        List<String> names = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String name = raw.trim();
            if (!name.matches("u[1-5]")) {
                throw new IllegalArgumentException("--folds: '" + name
                        + "' is not one of u1..u5, kfold:K, time[:N|:F], strong[:F] or cold-items[:F]");
            }
            names.add(name);
        }
        return new Canonical(List.copyOf(names));
    }

    private static List<Split> cut(String spec, Supplier<List<Split>> splits) {
        try {
            return splits.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--folds " + spec + ": " + e.getMessage(), e);
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

    /** A fraction strictly between 0 and 1. */
    private static double share(String value, String what) {
        double f;
        try {
            f = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + value + "' is not a number", e);
        }
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException(what + ": F must be between 0 and 1 (exclusive), got " + value);
        }
        return f;
    }
}
