package io.reelfm.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * How side information becomes named columns ("age=25-34", "gender=F", "occupation=writer",
 * "decade=1990s"), the one spelling every model uses: the FM's profile and year features and the
 * attribute model's embeddings read the same names, so a profile means the same columns in
 * training, evaluation and serving.
 */
public final class AttributeNames {

    private AttributeNames() {
    }

    /** A user's profile columns (age bucket, gender, occupation; only the fields present; none for null). */
    public static List<String> profile(UserAttributes u) {
        List<String> out = new ArrayList<>();
        if (u == null) {
            return out;
        }
        if (u.age() != null) {
            out.add("age=" + AgeBuckets.label(u.age()));
        }
        if (u.gender() != null) {
            out.add("gender=" + u.gender());
        }
        if (u.occupation() != null) {
            out.add("occupation=" + u.occupation());
        }
        return out;
    }

    /** A release year's decade; films before 1950 share one bucket, too few per decade to learn one each. */
    public static String decade(int year) {
        return year < 1950 ? "<1950" : (year / 10 * 10) + "s";
    }
}
