package io.reelfm.core.rank;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which attributes each row of one side carries (an item's genres and decade, a user's profile
 * fields), as compressed rows and their transpose (which rows carry each attribute). The
 * attribute model ({@link AttributeAls}) needs both: the rows' prior means sum over a row's
 * attributes, and an attribute's embedding is fitted over the rows that carry it. Attribute
 * columns are named so a model can say which of its embeddings a new row's profile selects.
 *
 * <p>Immutable; the arrays are never handed out.
 */
public final class AttributeRows {

    private final List<String> names;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int[] rowStart;
    private final int[] rowAttributes;
    private final int[] attributeStart;
    private final int[] attributeRows;

    /**
     * @param names        the attribute columns' names (column j is {@code names.get(j)})
     * @param perRow       each row's attribute columns (null or empty for none); repeats are ignored
     */
    public AttributeRows(List<String> names, int[][] perRow) {
        this.names = List.copyOf(names);
        int count = this.names.size();
        for (int j = 0; j < count; j++) {
            columns.putIfAbsent(this.names.get(j), j);
        }
        int[][] clean = new int[perRow.length][];
        int total = 0;
        for (int r = 0; r < perRow.length; r++) {
            clean[r] = perRow[r] == null ? new int[0] : Arrays.stream(perRow[r]).distinct().sorted().toArray();
            for (int a : clean[r]) {
                if (a < 0 || a >= count) {
                    throw new IllegalArgumentException("row " + r + ": attribute " + a + " outside 0.." + (count - 1));
                }
            }
            total += clean[r].length;
        }
        rowStart = new int[perRow.length + 1];
        rowAttributes = new int[total];
        attributeStart = new int[count + 1];
        for (int r = 0; r < clean.length; r++) {
            System.arraycopy(clean[r], 0, rowAttributes, rowStart[r], clean[r].length);
            rowStart[r + 1] = rowStart[r] + clean[r].length;
            for (int a : clean[r]) {
                attributeStart[a + 1]++;
            }
        }
        for (int a = 0; a < count; a++) {
            attributeStart[a + 1] += attributeStart[a];
        }
        attributeRows = new int[total];
        int[] fill = Arrays.copyOf(attributeStart, count);
        for (int r = 0; r < clean.length; r++) {
            for (int a : clean[r]) {
                attributeRows[fill[a]++] = r;
            }
        }
    }

    /** No attributes for any of {@code rows} rows: the model then reduces to plain iALS. */
    public static AttributeRows none(int rows) {
        return new AttributeRows(List.of(), new int[rows][]);
    }

    public int rows() {
        return rowStart.length - 1;
    }

    public int attributes() {
        return names.size();
    }

    public String name(int attribute) {
        return names.get(attribute);
    }

    /** The column of the attribute named {@code name}, or -1. */
    public int find(String name) {
        return columns.getOrDefault(name, -1);
    }

    /** The attribute columns of {@code row}, ascending (a copy); none for a row outside the side. */
    public int[] of(int row) {
        if (row < 0 || row >= rows()) {
            return new int[0];
        }
        return Arrays.copyOfRange(rowAttributes, rowStart[row], rowStart[row + 1]);
    }

    int rowStart(int row) {
        return rowStart[row];
    }

    int rowAttribute(int position) {
        return rowAttributes[position];
    }

    int attributeStart(int attribute) {
        return attributeStart[attribute];
    }

    int attributeRow(int position) {
        return attributeRows[position];
    }
}
