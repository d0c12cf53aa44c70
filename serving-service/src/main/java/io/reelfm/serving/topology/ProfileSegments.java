package io.reelfm.serving.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.reelfm.core.data.AgeBuckets;
import io.reelfm.schemas.UserProfile;

/**
 * The audience segments a profile falls in ({@code gender:F}, {@code age:25-34},
 * {@code occupation:engineer}). Ratings are counted per item and segment as they arrive, so a
 * new user who gives only their profile can be scored by what similar users rate highly. The
 * same mapping is used when counting and when querying.
 */
public final class ProfileSegments {

    /**
     * Segment labels of {@link AgeBuckets}' buckets. They are keys of the item statistics kept in
     * state and changelogs, so the first keeps the name it was stored under.
     */
    private static final String[] AGE_LABELS = {"under-18", "18-24", "25-34", "35-44", "45-49", "50-55", "56+"};

    private ProfileSegments() {
    }

    public static List<String> of(UserProfile p) {
        return p == null ? List.of() : of(p.getAge(), p.getGender(), p.getOccupation());
    }

    public static List<String> of(Integer age, String gender, String occupation) {
        List<String> out = new ArrayList<>(3);
        if (gender != null && !gender.isBlank()) {
            out.add("gender:" + gender.trim().toUpperCase(Locale.ROOT).replace(',', ' '));
        }
        if (age != null && age > 0) {
            out.add("age:" + ageBucket(age));
        }
        if (occupation != null && !occupation.isBlank()) {
            out.add("occupation:" + occupation.trim().toLowerCase(Locale.ROOT).replace(',', ' '));
        }
        return out;
    }

    static String ageBucket(int age) {
        return AGE_LABELS[AgeBuckets.index(age)];
    }
}
