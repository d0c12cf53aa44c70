package io.reelfm.core.rank;

import io.reelfm.core.data.AttributeNames;
import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.IdIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The attributes the attribute model ({@link AttributeAls}) reads of the side information: an
 * item's genres and release decade, a user's age bucket, gender and occupation. Each becomes one
 * named column ("genre=Drama", "decade=1990s", "age=25-34"); a row the side information does not
 * know has no columns. Kept in one place so training, evaluation and serving name a profile's
 * columns alike; the names themselves are {@link AttributeNames}', shared with the FM's features.
 */
public final class SideAttributes {

    private SideAttributes() {
    }

    /** The attribute names of one catalogue entry (none for null). */
    public static List<String> of(ItemAttributes item) {
        List<String> out = new ArrayList<>();
        if (item == null) {
            return out;
        }
        for (String genre : item.genres()) {
            out.add("genre=" + genre);
        }
        if (item.year() != null) {
            out.add("decade=" + AttributeNames.decade(item.year()));
        }
        return out;
    }

    /** The attribute names of one profile (none for null). */
    public static List<String> of(UserAttributes user) {
        return AttributeNames.profile(user);
    }

    /** Every indexed item's attributes. */
    public static AttributeRows items(SideInfo side, IdIndex items) {
        return build(items, id -> of(side.item(id)));
    }

    /** Every indexed user's profile attributes. */
    public static AttributeRows users(SideInfo side, IdIndex users) {
        return build(users, id -> of(side.user(id)));
    }

    private static AttributeRows build(IdIndex index, Function<String, List<String>> attributes) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        int[][] perRow = new int[index.size()][];
        for (int r = 0; r < perRow.length; r++) {
            List<String> names = attributes.apply(index.id(r));
            perRow[r] = names.stream().mapToInt(n -> columns.computeIfAbsent(n, x -> columns.size())).toArray();
        }
        return new AttributeRows(new ArrayList<>(columns.keySet()), perRow);
    }
}
