package io.reelfm.core.deepfm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reelfm.core.data.AgeBuckets;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.UserRow;

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
        int n = items.size();
        int[] counts = new int[n];
        for (int r = 0; r < train.size(); r++) {
            if (train.item(r) < n) {
                counts[train.item(r)]++;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int[] column = new int[n];
        Arrays.fill(column, -1);
        int columns = 0;
        for (Integer i : order) {
            if (columns >= maxHistory || counts[i] == 0) {
                break;
            }
            column[i] = columns++;
        }
        TreeMap<String, Integer> genreIds = new TreeMap<>();
        TreeMap<Integer, Integer> decadeIds = new TreeMap<>();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = items.id(i);
            MovieRow m = side.item(ids[i]);
            if (m != null) {
                m.genres().forEach(g -> genreIds.put(g, 0));
                if (m.year() != null) {
                    decadeIds.put(m.year() / 10 * 10, 0);
                }
            }
        }
        number(genreIds);
        number(decadeIds);
        int[][] itemGenres = new int[n][];
        int[] itemDecade = new int[n];
        for (int i = 0; i < n; i++) {
            MovieRow m = side.item(ids[i]);
            itemGenres[i] = m == null ? new int[0] : m.genres().stream().distinct().mapToInt(genreIds::get).toArray();
            itemDecade[i] = m == null || m.year() == null ? 0 : decadeIds.get(m.year() / 10 * 10) + 1;
        }
        TreeMap<String, Integer> genders = new TreeMap<>();
        TreeMap<String, Integer> occupations = new TreeMap<>();
        for (int u = 0; u < users.size(); u++) {
            UserRow p = side.user(users.id(u));
            if (p != null) {
                if (p.gender() != null) {
                    genders.put(p.gender(), 0);
                }
                if (p.occupation() != null) {
                    occupations.put(p.occupation(), 0);
                }
            }
        }
        return new DeepFmFeatures(ids, column, genreIds.keySet().toArray(String[]::new), itemGenres, itemDecade,
                decadeIds.size(), genders.keySet().toArray(String[]::new), occupations.keySet().toArray(String[]::new));
    }

    private static <K> void number(TreeMap<K, Integer> ids) {
        int next = 0;
        for (Map.Entry<K, Integer> e : ids.entrySet()) {
            e.setValue(next++);
        }
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
    public UserFields user(UserRow profile, int[] ratedRows) {
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
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += scores[j];
        }
        mean /= Math.max(1, n);
        double var = 0;
        for (int j = 0; j < n; j++) {
            var += (scores[j] - mean) * (scores[j] - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, n));
        for (int j = 0; j < n; j++) {
            z[j] = sd > 1e-12 ? (float) ((scores[j] - mean) / sd) : 0f;
            position[j] = (float) j / Math.max(1, listLength);
        }
    }

    /** {@link #retrievalInputs(float[], int, int, float[], float[])} of a candidate list: {z, position}. */
    public static float[][] retrievalInputs(io.reelfm.core.topk.ScoredItems candidates, int listLength) {
        int m = candidates.size();
        float[] z = new float[m];
        float[] position = new float[m];
        retrievalInputs(candidates.scores(), m, listLength, z, position);
        return new float[][] {z, position};
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(itemIds.length);
        for (int i = 0; i < itemIds.length; i++) {
            out.writeUTF(itemIds[i]);
            out.writeInt(historyColumn[i]);
            out.writeShort(itemDecade[i]);
            out.writeShort(itemGenres[i].length);
            for (int g : itemGenres[i]) {
                out.writeShort(g);
            }
        }
        writeStrings(out, genres);
        out.writeInt(decades);
        writeStrings(out, genders);
        writeStrings(out, occupations);
    }

    static DeepFmFeatures read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) {
            throw new IllegalArgumentException("DeepFM item count " + n + " is not plausible");
        }
        String[] ids = new String[n];
        int[] column = new int[n];
        int[] decade = new int[n];
        int[][] genres = new int[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = in.readUTF();
            column[i] = in.readInt();
            decade[i] = in.readUnsignedShort();
            genres[i] = new int[in.readUnsignedShort()];
            for (int g = 0; g < genres[i].length; g++) {
                genres[i][g] = in.readUnsignedShort();
            }
        }
        String[] genreNames = readStrings(in);
        int decades = in.readInt();
        DeepFmFeatures f = new DeepFmFeatures(ids, column, genreNames, genres, decade, decades, readStrings(in),
                readStrings(in));
        for (int i = 0; i < n; i++) {
            if (decade[i] > decades || column[i] >= f.historySize) {
                throw new IllegalArgumentException("DeepFM item " + ids[i] + " has columns outside its fields");
            }
            for (int g : genres[i]) {
                if (g >= f.size(Field.GENRES)) {
                    throw new IllegalArgumentException("DeepFM item " + ids[i] + " has genre " + g + " outside its field");
                }
            }
        }
        return f;
    }

    private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IllegalArgumentException("DeepFM vocabulary size " + n + " is not plausible");
        }
        List<String> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            out.add(in.readUTF());
        }
        return out.toArray(String[]::new);
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
