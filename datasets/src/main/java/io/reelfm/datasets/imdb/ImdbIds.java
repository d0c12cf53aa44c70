package io.reelfm.datasets.imdb;

/** Parses IMDb {@code tt} ids into ints so sets of kept titles stay compact. */
final class ImdbIds {

    static final int INVALID = -1;

    private ImdbIds() {
    }

    /** @return the number after {@code tt}, or {@link #INVALID} */
    static int parse(String tconst) {
        if (tconst.length() < 3 || tconst.length() > 11 || tconst.charAt(0) != 't' || tconst.charAt(1) != 't') {
            return INVALID;
        }
        int value = 0;
        for (int i = 2; i < tconst.length(); i++) {
            char c = tconst.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            value = value * 10 + (c - '0');
            if (value < 0) {
                return INVALID;
            }
        }
        return value;
    }
}
