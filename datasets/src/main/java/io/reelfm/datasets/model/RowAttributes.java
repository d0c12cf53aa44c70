package io.reelfm.datasets.model;

import java.util.function.Consumer;

import io.reelfm.core.content.CatalogueItem;
import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.datasets.MovieRow;
import io.reelfm.datasets.UserRow;

/**
 * The one mapping of data-file rows onto what the models read ({@link UserAttributes},
 * {@link ItemAttributes}, and the content pipeline's {@link CatalogueItem}), for the batch paths: evaluation, benchmarks and tests on files. The
 * core knows no data-file rows, so the mapping lives here, beside the readers that make the rows;
 * the Kafka records have their own single mapping in service-common.
 */
public final class RowAttributes {

    private RowAttributes() {
    }

    /** A profile row as the models read it: age, gender and occupation; absent fields stay null. */
    public static UserAttributes user(UserRow row) {
        return new UserAttributes(row.age(), row.gender(), row.occupation());
    }

    /** A catalogue row as the models read it: release year and genres. */
    public static ItemAttributes item(MovieRow row) {
        return new ItemAttributes(row.year(), row.genres());
    }

    /** A catalogue row as the content pipeline reads it: everything but the IMDb id. */
    public static CatalogueItem catalogueItem(MovieRow row) {
        return new CatalogueItem(row.itemId(), row.title(), row.year(), row.genres(), row.runtime(), row.language(), row.region(),
                row.imdbRating(), row.imdbVotes());
    }

    /** A sink that stores each catalogue row in {@code side} under its item id. */
    public static Consumer<MovieRow> itemsInto(SideInfo side) {
        return row -> side.putItem(row.itemId(), item(row));
    }

    /** A sink that stores each profile row in {@code side} under its user id. */
    public static Consumer<UserRow> usersInto(SideInfo side) {
        return row -> side.putUser(row.userId(), user(row));
    }
}
