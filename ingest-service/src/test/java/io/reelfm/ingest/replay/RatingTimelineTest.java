package io.reelfm.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.reelfm.datasets.RatingRow;

class RatingTimelineTest {

    @Test
    void ordersByTimestampKeepingFileOrderForTies() {
        RatingTimeline t = new RatingTimeline();
        t.add(new RatingRow("u1", "i1", 3f, 300));
        t.add(new RatingRow("u2", "i2", 4f, 100));
        t.add(new RatingRow("u3", "i3", 5f, 300));
        t.add(new RatingRow("u4", "i4", 1f, 200));
        t.sortByTime();
        assertThat(List.of(t.userId(0), t.userId(1), t.userId(2), t.userId(3))).containsExactly("u2", "u4", "u1", "u3");
        assertThat(t.itemId(2)).isEqualTo("i1");
        assertThat(t.rating(0)).isEqualTo(4f);
        assertThat(t.timestampMillis(3)).isEqualTo(300);
    }

    @Test
    void largeShuffledInputMatchesAStableReferenceSort() {
        SplittableRandom random = new SplittableRandom(7);
        List<RatingRow> rows = new ArrayList<>();
        RatingTimeline t = new RatingTimeline();
        for (int i = 0; i < 100_000; i++) {
            RatingRow row = new RatingRow("u" + random.nextInt(500), "i" + i, 1 + random.nextInt(5),
                    random.nextLong(0, 50_000));
            rows.add(row);
            t.add(row);
        }
        t.sortByTime();
        List<RatingRow> expected = new ArrayList<>(rows);
        expected.sort(Comparator.comparingLong(RatingRow::timestampMillis)); // List.sort is stable
        assertThat(t.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            RatingRow e = expected.get(i);
            assertThat(new RatingRow(t.userId(i), t.itemId(i), t.rating(i), t.timestampMillis(i))).isEqualTo(e);
        }
    }

    @Test
    void readingBeforeSortingOrAddingAfterIsAnError() {
        RatingTimeline t = new RatingTimeline();
        t.add(new RatingRow("u", "i", 1f, 1));
        assertThatThrownBy(() -> t.userId(0)).hasMessageContaining("sortByTime");
        t.sortByTime();
        assertThatThrownBy(() -> t.add(new RatingRow("u", "i", 1f, 2))).hasMessageContaining("already sorted");
    }

    @Test
    void emptyTimelineSortsToNothing() {
        assertThat(new RatingTimeline().sortByTime().size()).isZero();
    }
}
