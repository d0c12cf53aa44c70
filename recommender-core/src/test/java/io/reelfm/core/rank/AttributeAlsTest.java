package io.reelfm.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.eval.metrics.RankingEvaluator;
import io.reelfm.core.eval.metrics.RankingResult;
import io.reelfm.core.eval.split.Split;
import io.reelfm.core.eval.split.Splits;
import io.reelfm.core.topk.TopK;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributeAlsTest {

    private static final ImplicitAlsConfig SMALL = ImplicitAlsConfig.defaults().withFactors(8).withIterations(10)
            .withPrior(new ImplicitPrior(0.01, 0.5, 1.0));

    @Test
    void withoutAttributesItIsPlainImplicitAls() {
        RatingSet data = TasteWorld.ratings(120, 60, 3, 15, 1);
        for (int cg : new int[] {0, 3}) {
            ImplicitAlsConfig config = new ImplicitAlsConfig(8, 10, SMALL.prior(), InteractionWeight.of(data, 1f), cg, 42);
            Interactions interactions = Interactions.of(data, config.weight());
            ImplicitAlsModel plain = new ImplicitAls(config).train(interactions);
            AttributeAlsModel model = new AttributeAls(config).train(interactions,
                    AttributeRows.none(data.numUsers()), AttributeRows.none(data.numItems()));
            for (int u = 0; u < data.numUsers(); u++) {
                for (int i = 0; i < data.numItems(); i++) {
                    assertThat(model.predict(u, i)).as("cg %d user %d item %d", cg, u, i)
                            .isCloseTo(plain.predict(u, i), within(1e-5f));
                }
            }
        }
    }

    @Test
    void foldingInATrainingUsersInteractionsAndProfileReproducesTheirTrainedVector() {
        ProfileWorld world = new ProfileWorld(120, 60, 3, 15, 2);
        ImplicitAlsConfig config = SMALL.withWeight(InteractionWeight.of(world.ratings, 1f));
        Interactions interactions = Interactions.of(world.ratings, config.weight());
        AttributeAlsModel model = new AttributeAls(config).train(interactions, world.userAttributes(),
                world.itemAttributes());
        int[][] rows = world.ratings.rowsByUser();
        for (int u = 0; u < 20; u++) {
            int[] items = interactions.itemsOf(u);
            float[] ratings = new float[items.length];
            for (int j = 0; j < items.length; j++) {
                for (int r : rows[u]) {
                    if (world.ratings.item(r) == items[j]) {
                        ratings[j] = Math.max(ratings[j], world.ratings.value(r));
                    }
                }
            }
            assertThat(model.priorMeanOf(u)).as("user %d has a non-zero prior mean", u).isNotEqualTo(new float[8]);
            float[] folded = model.foldIn(items, ratings, model.priorMeanOf(u));
            float[] trained = model.userVector(u);
            for (int f = 0; f < trained.length; f++) {
                assertThat(folded[f]).as("user %d factor %d", u, f).isCloseTo(trained[f], within(1e-4f));
            }
        }
    }

    @Test
    void itemsNobodyRatedAreRankedByTheirAttributesWherePlainIalsCanOnlyTie() {
        ProfileWorld world = new ProfileWorld(300, 150, 3, 30, 3);
        Split cold = Splits.coldItems(world.ratings, 0.2, 11);
        ImplicitAlsConfig config = SMALL.withWeight(InteractionWeight.of(cold.train(), 1f));
        Interactions train = Interactions.of(cold.train(), config.weight());
        RankingEvaluator evaluator = new RankingEvaluator(new RankingConfig(10, 4f));
        AttributeAlsModel model = new AttributeAls(config).train(train, world.userAttributes(), world.itemAttributes());
        RankingResult withAttributes = evaluator.evaluate(cold.train(), cold.test(), model, cold.candidates());
        RankingResult plain = evaluator.evaluate(cold.train(), cold.test(), new ImplicitAls(config).train(train),
                cold.candidates());
        double random = 0;
        for (int seed = 0; seed < 5; seed++) {
            random += evaluator.evaluate(cold.train(), cold.test(), randomScores(seed), cold.candidates()).ndcg() / 5;
        }
        assertThat(withAttributes.usersEvaluated()).isGreaterThan(100);
        assertThat(withAttributes.ndcg()).isGreaterThan(2 * random).isGreaterThan(plain.ndcg() + 0.2);
        assertThat(withAttributes.precision()).isGreaterThan(2 * plain.precision());
    }

    @Test
    void aNewUserWithOnlyAProfileGetsTheirGroupsItemsFirst() {
        ProfileWorld world = new ProfileWorld(300, 90, 3, 20, 4);
        ImplicitAlsConfig config = SMALL.withWeight(InteractionWeight.of(world.ratings, 1f));
        AttributeAlsModel model = new AttributeAls(config).train(Interactions.of(world.ratings, config.weight()),
                world.userAttributes(), world.itemAttributes());
        for (int g = 0; g < world.groups; g++) {
            int column = model.userAttributes().find("occupation=o" + g);
            assertThat(column).isNotNegative();
            float[] vector = model.foldIn(new int[0], new float[0], model.priorMean(new int[] {column}));
            float[] scores = new float[model.items()];
            model.scoreVector(vector, scores);
            int[] top = TopK.select(scores, 10).indices();
            int own = 0;
            for (int item : top) {
                own += world.groupOfItem(item) == g ? 1 : 0;
            }
            assertThat(own).as("items of genre G%d in the top 10 of occupation o%d", g, g).isGreaterThanOrEqualTo(9);
        }
        assertThat(model.foldIn(new int[0], new float[0], null)).containsOnly(0f);
    }

    @Test
    void aTrainingUserWithoutInteractionsGetsTheExactSolveOfTheirProfileAlone() {
        ProfileWorld world = new ProfileWorld(200, 60, 3, 15, 5);
        Split strong = Splits.strongGeneralisation(world.ratings, 0.1, 0.2, 9);
        ImplicitAlsConfig config = SMALL.withWeight(InteractionWeight.of(strong.train(), 1f));
        AttributeAlsModel model = new AttributeAls(config).train(Interactions.of(strong.train(), config.weight()),
                world.userAttributes(), world.itemAttributes());
        int[][] trainRows = strong.train().rowsByUser();
        int checked = 0;
        for (int u = 0; u < trainRows.length; u++) {
            if (trainRows[u].length > 0) {
                continue;
            }
            float[] folded = model.foldIn(new int[0], new float[0], model.priorMeanOf(u));
            assertThat(folded).as("user %d", u).isNotEqualTo(new float[8]);
            float[] trained = model.userVector(u);
            for (int f = 0; f < trained.length; f++) {
                assertThat(folded[f]).as("user %d factor %d", u, f).isCloseTo(trained[f], within(1e-5f));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void theTunerChoosesTheAttributeStrengthOnTheValidationSlice() {
        ProfileWorld world = new ProfileWorld(200, 60, 3, 15, 6);
        RankingTuner tuner = new RankingTuner(new RankingConfig(10, 4f), 0.1, 42, java.time.Duration.ofSeconds(30));
        ImplicitAlsConfig config = SMALL.withWeight(InteractionWeight.of(world.ratings, 1f));
        RankingTuner.Result<Double> result = tuner.attributeStrength(world.ratings, config, world.userAttributes(),
                world.itemAttributes());
        assertThat(result.trials()).hasSize(7);
        assertThat(result.trials().get(0).label()).as("the centre of the range first").isEqualTo("attribute strength=64.0");
        double best = result.trials().stream().mapToDouble(RankingTuner.Trial::ndcg).max().orElseThrow();
        assertThat(result.trials().stream().filter(t -> t.label().equals("attribute strength=" + result.best())))
                .singleElement().extracting(RankingTuner.Trial::ndcg).isEqualTo(best);
    }

    private static RatingPredictor randomScores(long seed) {
        Random random = new Random(seed);
        return (user, item) -> random.nextFloat();
    }
}
