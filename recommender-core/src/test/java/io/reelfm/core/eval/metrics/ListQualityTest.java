package io.reelfm.core.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQualityTest {

    /** Two users who like horror; items h1..h3 horror, c1..c3 comedy; c1 the most rated. */
    private static final Map<String, List<String>> GENRES = Map.of("h1", List.of("Horror"), "h2", List.of("Horror"),
            "h3", List.of("Horror"), "c1", List.of("Comedy"), "c2", List.of("Comedy"), "c3", List.of("Comedy"));

    private RatingSet[] data(IdIndex users, IdIndex items) {
        RatingSetBuilder train = new RatingSetBuilder(users, items);
        RatingSetBuilder test = new RatingSetBuilder(users, items);
        train.add("a", "h1", 5, 1);
        train.add("b", "h1", 5, 1);
        train.add("x", "c1", 3, 1);
        train.add("y", "c1", 3, 1);
        train.add("z", "c1", 3, 1);
        train.add("x", "c2", 3, 1);
        train.add("y", "h3", 3, 1);
        train.add("z", "c3", 3, 1);
        test.add("a", "h2", 5, 2);
        test.add("b", "h2", 5, 2);
        items.indexOf("h2");
        return new RatingSet[] {train.build(users.size(), items.size()), test.build(users.size(), items.size())};
    }

    @Test
    void aListOfTheUsersOwnGenreIsCalibratedAndAComedyListIsNot() {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        RatingSet[] d = data(users, items);
        ItemGenres genres = ItemGenres.of(items, GENRES::get);
        RankingEvaluator evaluator = new RankingEvaluator(new RankingConfig(2, 4f), genres);
        int h2 = items.find("h2");
        int h3 = items.find("h3");
        int c1 = items.find("c1");
        int c2 = items.find("c2");
        RankingResult horror = evaluator.evaluate(d[0], d[1], (u, i) -> i == h2 || i == h3 ? 1 : 0);
        RankingResult comedy = evaluator.evaluate(d[0], d[1], (u, i) -> i == c1 || i == c2 ? 1 : 0);
        assertThat(horror.miscalibration()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        // KL(p || 0.99 q + 0.01 p) with p = all horror, q = no horror: log(1 / 0.01)
        assertThat(comedy.miscalibration()).isCloseTo(Math.log(100), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(horror.precision()).isEqualTo(0.5);
    }

    @Test
    void noveltyIsHigherForRarelyRatedItems() {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        RatingSet[] d = data(users, items);
        RankingEvaluator evaluator = new RankingEvaluator(new RankingConfig(1, 4f));
        int c1 = items.find("c1");
        int h2 = items.find("h2");
        RankingResult popular = evaluator.evaluate(d[0], d[1], (u, i) -> i == c1 ? 1 : 0);
        RankingResult rare = evaluator.evaluate(d[0], d[1], (u, i) -> i == h2 ? 1 : 0);
        // 5 training users; c1 rated by 3 of them, h2 by none (counted as one)
        assertThat(popular.novelty()).isCloseTo(-Math.log(3 / 5.0) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rare.novelty()).isCloseTo(-Math.log(1 / 5.0) / Math.log(2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(popular.miscalibration()).isNaN();
    }
}
