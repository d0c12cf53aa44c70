package io.reelfm.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingSetBuilder;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.metrics.RankingEvaluator;
import io.reelfm.core.eval.metrics.RankingResult;
import io.reelfm.core.eval.split.Split;
import io.reelfm.core.eval.split.Splits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {

    private static final ImplicitAlsConfig SMALL = ImplicitAlsConfig.defaults().withFactors(8).withIterations(10)
            .withPrior(new ImplicitPrior(0.01, 0.5, 1.0));

    @Test
    void foldingInATrainingUsersOwnInteractionsReproducesTheirTrainedVector() {
        RatingSet data = TasteWorld.ratings(120, 60, 3, 15, 1);
        ImplicitAlsConfig config = SMALL.withWeight(InteractionWeight.of(data, 1f));
        Interactions interactions = Interactions.of(data, config.weight());
        ImplicitAlsModel model = new ImplicitAls(config).train(interactions);
        for (int u = 0; u < 20; u++) {
            int[] items = interactions.itemsOf(u);
            float[] ratings = new float[items.length];
            int[][] rows = data.rowsByUser();
            for (int j = 0; j < items.length; j++) {
                for (int r : rows[u]) {
                    if (data.item(r) == items[j]) {
                        ratings[j] = Math.max(ratings[j], data.value(r));
                    }
                }
            }
            float[] folded = model.foldIn(items, ratings);
            float[] trained = model.userVector(u);
            for (int f = 0; f < trained.length; f++) {
                assertThat(folded[f]).as("user %d factor %d", u, f).isCloseTo(trained[f], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void conjugateGradientSweepsReachTheExactSolversRanking() {
        RatingSet data = TasteWorld.ratings(150, 60, 3, 15, 2);
        Split split = Splits.timeHoldoutLastN(data, 3);
        RankingEvaluator evaluator = new RankingEvaluator(new RankingConfig(5, 4f));
        RankingResult cg = evaluator.evaluate(split.train(), split.test(),
                new ImplicitAls(SMALL).train(Interactions.of(split.train(), SMALL.weight())));
        ImplicitAlsConfig exact = new ImplicitAlsConfig(8, 10, SMALL.prior(), SMALL.weight(), 0, 42);
        RankingResult direct = evaluator.evaluate(split.train(), split.test(),
                new ImplicitAls(exact).train(Interactions.of(split.train(), exact.weight())));
        assertThat(cg.ndcg()).isCloseTo(direct.ndcg(), org.assertj.core.data.Offset.offset(0.03));
    }

    @Test
    void ranksItemsOfTheUsersOwnTasteGroupFarAbovePopularity() {
        RatingSet data = TasteWorld.ratings(300, 90, 3, 20, 3);
        Split split = Splits.timeHoldoutLastN(data, 4);
        RankingEvaluator evaluator = new RankingEvaluator(new RankingConfig(10, 4f));
        RankingResult ials = evaluator.evaluate(split.train(), split.test(),
                new ImplicitAls(SMALL).train(Interactions.of(split.train(), SMALL.weight())));
        RankingResult pop = evaluator.evaluate(split.train(), split.test(),
                new PopularityModel(Interactions.of(split.train(), InteractionWeight.UNIFORM)));
        assertThat(ials.ndcg()).isGreaterThan(pop.ndcg() * 1.5);
        assertThat(ials.precision()).isGreaterThan(0.1);
    }

    @Test
    void aNewUserIsFoldedInFromTheirHistoryAlone() {
        RatingSet data = TasteWorld.ratings(300, 90, 3, 20, 4);
        Split strong = Splits.strongGeneralisation(data, 0.1, 0.2, 7);
        ImplicitAlsModel model = new ImplicitAls(SMALL).train(Interactions.of(strong.train(), SMALL.weight()));
        RankingEvaluator evaluator = new RankingEvaluator(new RankingConfig(10, 4f));
        RankingResult folded = evaluator.evaluateFoldIn(strong.train(), strong.foldIn(), strong.test(), model);
        RankingResult pop = evaluator.evaluateFoldIn(strong.train(), strong.foldIn(), strong.test(),
                new PopularityModel(Interactions.of(strong.train(), InteractionWeight.UNIFORM)));
        assertThat(folded.usersEvaluated()).isGreaterThan(10);
        assertThat(folded.ndcg()).isGreaterThan(pop.ndcg());
    }

    @Test
    void anEmptyHistoryFoldsInToTheZeroVector() {
        RatingSet data = TasteWorld.ratings(60, 30, 3, 10, 5);
        ImplicitAlsModel model = new ImplicitAls(SMALL).train(Interactions.of(data, SMALL.weight()));
        assertThat(model.foldIn(new int[0], new float[0])).containsOnly(0f);
        assertThat(model.foldIn(new int[] {-1, 10_000}, new float[] {5, 5})).containsOnly(0f);
    }

    @Test
    void theTunerChoosesSettingsFromAValidationSliceAndNeverFromTheTest() {
        RatingSet data = TasteWorld.ratings(200, 60, 3, 15, 6);
        RankingTuner tuner = new RankingTuner(new RankingConfig(10, 4f), 0.1, 42, Duration.ofSeconds(30));
        RatingSet[] parts = tuner.slice(data);
        assertThat(parts[0].size() + parts[1].size()).isEqualTo(data.size());
        assertThat(parts[1].size()).isBetween(data.size() / 20, data.size() / 5);
        RankingTuner.Result<ImplicitAlsConfig> result = tuner.ials(data, SMALL);
        assertThat(result.trials()).hasSizeGreaterThan(2);
        double bestTried = result.trials().stream().mapToDouble(RankingTuner.Trial::ndcg).max().orElseThrow();
        assertThat(result.trials().get(0).ndcg()).isLessThanOrEqualTo(bestTried);
        assertThat(result.best().weight().min()).isEqualTo(1f);
        assertThat(result.best().weight().max()).isEqualTo(5f);
    }

    @Test
    void repeatedInteractionsCountOnceWithTheLargerWeight() {
        RatingSetBuilder b = new RatingSetBuilder(new IdIndex(), new IdIndex());
        b.add("a", "x", 2f, 1);
        b.add("a", "x", 5f, 2);
        b.add("a", "y", 3f, 3);
        Interactions i = Interactions.of(b.build(), new InteractionWeight(1, 5, 1f));
        assertThat(i.size()).isEqualTo(2);
        assertThat(i.weightsOf(0)).containsExactly(2f, 1f);
        assertThat(i.itemCount(0)).isEqualTo(1);
    }

    @Test
    void aLongHistoryIsSortedAndMergedLikeAShortOne() {
        RatingSetBuilder b = new RatingSetBuilder(new IdIndex(), new IdIndex());
        for (int i = 99; i >= 0; i--) {
            b.add("a", "i" + i, 3f, i);
        }
        b.add("a", "i7", 5f, 200);
        Interactions in = Interactions.of(b.build(), new InteractionWeight(1, 5, 1f));
        assertThat(in.size()).isEqualTo(100);
        int[] items = in.itemsOf(0);
        for (int j = 1; j < items.length; j++) {
            assertThat(items[j]).isGreaterThan(items[j - 1]);
        }
        // "i7" was the 93rd id seen; its repeat at 5 stars keeps the larger weight
        float[] weights = in.weightsOf(0);
        int at = java.util.Arrays.binarySearch(items, 92);
        assertThat(weights[at]).isEqualTo(2f);
        assertThat(weights[at == 0 ? 1 : 0]).isEqualTo(1f);
    }

    @Test
    void ratingsAboveTheMiddleOfTheDataScaleWeighMore() {
        InteractionWeight halfStars = new InteractionWeight(0.5f, 5f, 2f);
        assertThat(halfStars.of(5f)).isEqualTo(3f);
        assertThat(halfStars.of(2.75f)).isEqualTo(1f);
        assertThat(halfStars.of(0.5f)).isEqualTo(1f);
        InteractionWeight tenPoint = new InteractionWeight(1, 10, 2f);
        assertThat(tenPoint.of(10f)).isEqualTo(3f);
        assertThatThrownBy(() -> new InteractionWeight(5, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
