package io.reelfm.datasets.text;

import java.util.ArrayList;
import java.util.List;

/** Field helpers shared by the readers: literal multi-character splitting and title years. */
public final class Fields {

    private Fields() {
    }

    /** Splits on a literal separator (not a regex), keeping empty fields, including trailing ones. */
    public static List<String> split(String line, String separator) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = line.indexOf(separator, start)) >= 0) {
            fields.add(line.substring(start, at));
            start = at + separator.length();
        }
        fields.add(line.substring(start));
        return fields;
    }

    /** The year of a MovieLens-style title ending in {@code (YYYY)}, or null. */
    public static Integer yearAtEndOfTitle(String title) {
        String t = title.trim();
        int n = t.length();
        if (n >= 6 && t.charAt(n - 1) == ')' && t.charAt(n - 6) == '(') {
            String year = t.substring(n - 5, n - 1);
            if (year.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(year);
            }
        }
        return null;
    }

    /** Splits a genre list on a single-character separator; empty input gives an empty list. */
    public static List<String> genres(String value, char separator) {
        List<String> genres = new ArrayList<>();
        for (String g : split(value.trim(), String.valueOf(separator))) {
            String name = g.trim();
            if (!name.isEmpty()) {
                genres.add(name);
            }
        }
        return genres;
    }
}
