package io.reelfm.datasets.imdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks one language and one region per kept movie from its {@code title.akas} rows, keeping
 * only small codes per movie (about 12 bytes) instead of the akas themselves.
 *
 * <p>The rule, applied separately to language and region, among rows where that value is not
 * {@code \N}:
 * <ol>
 *   <li>the row flagged {@code isOriginalTitle=1} wins (IMDb's statement of the original);</li>
 *   <li>otherwise a row whose title equals the movie's {@code originalTitle} from
 *       title.basics — the title as released at home, so its region is the home market;</li>
 *   <li>ties go to the lowest {@code ordering};</li>
 *   <li>rows matching neither (translations, festival titles) are ignored: no value is better
 *       than a foreign market's.</li>
 * </ol>
 * Titles are compared by 32-bit hash of the original title, so the join does not keep titles;
 * a false match needs a hash collision between two titles of the same movie.
 */
final class OriginLanguageRegion {

    private static final int ORIGINAL_FLAG = 2;
    private static final int TITLE_MATCH = 1;
    private static final int MAX_ORDERING = 0xFFFFFF;

    private final short[] language;
    private final short[] region;
    private final int[] languageScore;
    private final int[] regionScore;
    private final Map<String, Short> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    OriginLanguageRegion(int movies) {
        language = new short[movies];
        region = new short[movies];
        languageScore = new int[movies];
        regionScore = new int[movies];
        names.add(null);
    }

    /** Considers one aka row of the movie at {@code index}. */
    void offer(int index, int ordering, boolean isOriginalTitle, boolean titleMatchesOriginal, String lang, String reg) {
        int priority = isOriginalTitle ? ORIGINAL_FLAG : titleMatchesOriginal ? TITLE_MATCH : 0;
        if (priority == 0) {
            return;
        }
        int score = (priority << 24) | (MAX_ORDERING - Math.min(Math.max(ordering, 0), MAX_ORDERING));
        if (lang != null && score > languageScore[index]) {
            languageScore[index] = score;
            language[index] = code(lang);
        }
        if (reg != null && score > regionScore[index]) {
            regionScore[index] = score;
            region[index] = code(reg);
        }
    }

    String language(int index) {
        return names.get(language[index]);
    }

    String region(int index) {
        return names.get(region[index]);
    }

    private short code(String value) {
        Short existing = codes.get(value);
        if (existing != null) {
            return existing;
        }
        if (names.size() > Short.MAX_VALUE) {
            throw new IllegalStateException("more than " + Short.MAX_VALUE + " distinct language/region codes");
        }
        short next = (short) names.size();
        names.add(value);
        codes.put(value, next);
        return next;
    }
}
