package io.reelfm.core.deepfm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelfm.core.data.AgeBuckets;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.topk.ScoredItems;

/**
 * How a (user, candidate) pair becomes the inputs of a {@link DeepFmNet}: the vocabulary of
 * every {@link Field} and the item attributes by row, learned from the training data and shipped
 * with the network so serving encodes exactly as training did.
 *
 * <p>Item rows are the retrieval model's rows (the ranking snapshot's item order). The user is
 * represented by what they rated, never by an id: the {@link Field#HISTORY} field is the set of
 * rated items among the {@code historySize} most-rated ones, weighted {@code 1/sqrt(n)} as the
 * FM's implicit feature group weighs them, so a user the network never saw is encoded from their
 * first rating on. Genres are pooled with weight {@code 1/g}. Index 0 of every categorical field
 * means "unknown". Immutable.
 */
public final class DeepFmFeatures {

    /** A user's side of the inputs: the history columns and weights, and the profile's indices. */
    public record UserFields(int[] history, float[] weights, int age, int gender, int occupation) {
    }

    private final String[] itemIds;
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final int[] historyColumn;
    private final int historySize;
    private final String[] genres;
    private final int[][] itemGenres;
    private final int[] itemDecade;
    private final int decades;
    private final String[] genders;
    private final String[] occupations;

    DeepFmFeatures(String[] itemIds, int[] historyColumn, String[] genres, int[][] itemGenres, int[] itemDecade,
                   int decades, String[] genders, String[] occupations) {
        int n = itemIds.length;
        if (historyColumn.length != n || itemGenres.length != n || itemDecade.length != n) {
            throw new IllegalArgumentException("item attributes for a different number of items than " + n);
        }
        this.itemIds = itemIds;
        for (int i = 0; i < n; i++) {
            rowOf.put(itemIds[i], i);
        }
        this.historyColumn = historyColumn;
        this.historySize = Math.max(1, Arrays.stream(historyColumn).max().orElse(-1) + 1);
        this.genres = genres;
        this.itemGenres = itemGenres;
        this.itemDecade = itemDecade;
        this.decades = decades;
        this.genders = genders;
        this.occupations = occupations;
    }

    /**
     * The layout for a catalogue: items in {@code items} order, history columns for the
     * {@code maxHistory} items with the most ratings in {@code train}, genres, decades and profile
     * values as {@code side} has them (sorted, so the layout does not depend on map order).
     */
    public static DeepFmFeatures of(IdIndex items, SideInfo side, IdIndex users, RatingSet train, int maxHistory) {
        return FeatureVocabulary.learn(items, side, users, train, maxHistory);
    }

    /** Number of input columns of a field. */
    public int size(Field field) {
        return switch (field) {
            case HISTORY -> historySize;
            case ITEM -> itemIds.length + 1;
            case GENRES -> Math.max(1, genres.length);
            case DECADE -> decades + 1;
            case AGE -> AgeBuckets.LABELS.size() + 1;
            case GENDER -> genders.length + 1;
            case OCCUPATION -> occupations.length + 1;
            case RETRIEVAL -> 2;
        };
    }

    public int items() {
        return itemIds.length;
    }

    /** Row of an item id, or -1. */
    public int row(String itemId) {
        return rowOf.getOrDefault(itemId, -1);
    }

    public String itemId(int row) {
        return itemIds[row];
    }

    /** The item-id column of a row (0 is "unknown"). */
    public int itemColumn(int row) {
        return row < 0 || row >= itemIds.length ? 0 : row + 1;
    }

    /** Genre columns of a row; each weighs {@code 1/g}. */
    public int[] genres(int row) {
        return itemGenres[row];
    }

    /** Decade column of a row (0 = unknown year). */
    public int decade(int row) {
        return itemDecade[row];
    }

    /** The user side of the inputs from their profile (may be null) and the rows they rated. */
    public UserFields user(UserAttributes profile, int[] ratedRows) {
        int used = 0;
        int[] cols = new int[ratedRows.length];
        for (int row : ratedRows) {
            if (row >= 0 && row < historyColumn.length && historyColumn[row] >= 0) {
                cols[used++] = historyColumn[row];
            }
        }
        cols = Arrays.stream(cols, 0, used).distinct().sorted().toArray();
        float[] w = new float[cols.length];
        Arrays.fill(w, cols.length == 0 ? 0f : (float) (1 / Math.sqrt(cols.length)));
        int age = 0;
        int gender = 0;
        int occupation = 0;
        if (profile != null) {
            if (profile.age() != null) {
                age = AgeBuckets.index(profile.age()) + 1;
            }
            gender = profile.gender() == null ? 0 : Arrays.binarySearch(genders, profile.gender()) + 1;
            occupation = profile.occupation() == null ? 0 : Arrays.binarySearch(occupations, profile.occupation()) + 1;
            gender = Math.max(0, gender);
            occupation = Math.max(0, occupation);
        }
        return new UserFields(cols, w, age, gender, occupation);
    }

    /**
     * The two retrieval inputs of each candidate of one list, best first: its score standardised
     * within the list (so the network reads how far a candidate stands out, whatever the scale of
     * the retrieval model that produced it) and its position as a share of {@code listLength}.
     */
    public static void retrievalInputs(float[] scores, int n, int listLength, float[] z, float[] position) {
        RetrievalInputs.compute(scores, n, listLength, z, position);
    }

    /** {@link #retrievalInputs(float[], int, int, float[], float[])} of a candidate list: {z, position}. */
    public static float[][] retrievalInputs(ScoredItems candidates, int listLength) {
        int m = candidates.size();
        float[] z = new float[m];
        float[] position = new float[m];
        retrievalInputs(candidates.scores(), m, listLength, z, position);
        return new float[][] {z, position};
    }

    /** History column of a row, -1 when the item is not among the history items. */
    int historyColumn(int row) {
        return historyColumn[row];
    }

    String[] genreNames() {
        return genres;
    }

    /** Number of known decades (the DECADE field has one more column, for "unknown"). */
    int decades() {
        return decades;
    }

    String[] genderNames() {
        return genders;
    }

    String[] occupationNames() {
        return occupations;
    }

    /** Sizes of every field, for reports. */
    public Map<Field, Integer> sizes() {
        Map<Field, Integer> out = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            out.put(f, size(f));
        }
        return out;
    }
}
