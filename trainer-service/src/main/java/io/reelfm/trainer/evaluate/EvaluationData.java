package io.reelfm.trainer.evaluate;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.split.Split;
import io.reelfm.datasets.Dataset;
import io.reelfm.datasets.format.DatasetFormat;
import io.reelfm.datasets.LineErrors;
import io.reelfm.datasets.model.RowAttributes;
import io.reelfm.datasets.movielens.MovieLens100kDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code evaluate} evaluates on: the splits named by {@code --folds} (or the fixed
 * {@code --train}/{@code --test} pair) over one user and one item index shared by every split,
 * so per-item statistics and content features line up across folds, and the side information
 * (genres, years, profiles) the FM features and genre miscalibration read.
 *
 * <p>{@code --data DIR} is opened by the command ({@link Dataset#open}), so evaluation reads every format the
 * replay reads (MovieLens 100K, 1M, the CSV releases) through the same streaming readers.
 * Protocols other than the canonical {@code u1..u5} files are cut from the full rating set (see
 * {@link FoldSpec}); a fixed pair is read by {@link FixedSplitReader}.
 *
 * @param all    every rating read: the data set's, or the first training set for canonical folds and a fixed pair
 * @param source the {@code --data} directory, or the {@code --train} file when there is none; reports name it,
 *               and catalogue-based charts find no catalogue in a file
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which opens the data
 * set and reads the splits through {@link #load}.
 */
public record EvaluationData(List<Split> splits, IdIndex users, IdIndex items, RatingSet all, SideInfo side, Path source) {

    /**
     * @param dir     the data set directory; null only with a fixed pair, which then has no side information
     * @param dataset {@code dir} opened, null when {@code dir} is; the caller opens it so errors name its option
     * @param train with {@code test}, a fixed split that replaces {@code folds}; both null otherwise
     * @throws IllegalArgumentException with a message naming the option at fault
     */
    public static EvaluationData load(Path dir, Dataset dataset, Path train, Path test, String folds, long seed) {
        if ((train == null) != (test == null)) {
            throw new IllegalArgumentException("--train and --test must be given together (only "
                    + (train != null ? "--train" : "--test") + " was given)");
        }
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        if (train != null) {
            SideInfo side = dataset == null ? SideInfo.empty() : sideInfo(dataset);
            Split fixed = FixedSplitReader.read(train, test, users, items);
            return new EvaluationData(List.of(fixed), users, items, fixed.train(), side, dir != null ? dir : train);
        }
        if (dir == null) {
            throw new IllegalArgumentException("--data: not given (or give --train and --test)");
        }
        FoldSpec spec = FoldSpec.parse(folds);
        SideInfo side = sideInfo(dataset);
        if (spec instanceof FoldSpec.Canonical canonical) {
            List<Split> splits = canonical(dataset, canonical.names(), users, items);
            return new EvaluationData(splits, users, items, splits.get(0).train(), side, dir);
        }
        RatingCollector rows = new RatingCollector("--data " + dir, users, items);
        dataset.ratings(rows, rows.errors());
        RatingSet all = rows.build(users.size(), items.size());
        return new EvaluationData(((FoldSpec.Derived) spec).splits(all, seed), users, items, all, side, dir);
    }

    /** The published {@code uN.base}/{@code uN.test} pairs, which only MovieLens 100K ships. */
    private static List<Split> canonical(Dataset dataset, List<String> names, IdIndex users, IdIndex items) {
        if (!(dataset instanceof MovieLens100kDataset ml100k)) {
            throw new IllegalArgumentException("--folds " + String.join(",", names) + ": the canonical folds u1..u5 exist only in "
                    + DatasetFormat.MOVIELENS_100K.id() + " (u1.base/u1.test ... next to u.data), and " + dataset.name()
                    + " has none; use kfold:K, time[:N|:F], strong[:F] or cold-items[:F]");
        }
        List<RatingCollector[]> read = new ArrayList<>();
        for (String name : names) {
            RatingCollector[] pair = new RatingCollector[2];
            int at = 0;
            for (String part : List.of(name + ".base", name + ".test")) {
                Path file = ml100k.dir().resolve(part);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--data: missing " + file);
                }
                RatingCollector rows = new RatingCollector("--data " + file, users, items);
                ml100k.splitRatings(part, rows, rows.errors());
                pair[at++] = rows;
            }
            read.add(pair);
        }
        List<Split> splits = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            RatingCollector[] pair = read.get(f);
            splits.add(new Split(names.get(f), pair[0].build(users.size(), items.size()),
                    pair[1].build(users.size(), items.size())));
        }
        return splits;
    }

    /**
     * The data set's catalogue and user profiles. A bad catalogue line only costs that movie its
     * features, so it is skipped quietly rather than failing an evaluation of the ratings.
     */
    private static SideInfo sideInfo(Dataset dataset) {
        SideInfo side = SideInfo.empty();
        LineErrors skipped = new LineErrors();
        dataset.movies(RowAttributes.itemsInto(side), skipped);
        dataset.users(RowAttributes.usersInto(side), skipped);
        return side;
    }
}
