package io.reelfm.core.eval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelfm.core.eval.Evaluator;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.TestData;
import io.reelfm.core.eval.baseline.BiasConfig;
import io.reelfm.core.eval.baseline.BiasTrainer;
import io.reelfm.core.eval.split.Splits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {

    private final ParameterSpace space = new ParameterSpace()
            .add("iterations", List.of("1", "5"))
            .add("reg", List.of("0", "5", "500"));

    @Test
    void gridHasEveryCombinationInDeclaredOrder() {
        List<Map<String, String>> grid = space.grid();
        assertThat(grid).hasSize(6);
        assertThat(grid.get(0)).containsExactly(Map.entry("iterations", "1"), Map.entry("reg", "0"));
        assertThat(grid.get(5)).containsExactly(Map.entry("iterations", "5"), Map.entry("reg", "500"));
        assertThat(grid).doesNotHaveDuplicates();
    }

    @Test
    void randomDrawsDistinctCombinationsReproducibly() {
        List<Map<String, String>> a = space.random(4, 42);
        assertThat(a).hasSize(4).doesNotHaveDuplicates().isSubsetOf(space.grid());
        assertThat(space.random(4, 42)).isEqualTo(a);
        assertThat(space.random(100, 1)).hasSize(6);
    }

    @Test
    void resultsAreSortedByRmseAndRenderAsMarkdownAndCsv() {
        RatingSet all = TestData.ratings(50, 60, 20, 3);
        HyperparameterSearch search = new HyperparameterSearch(new Evaluator(null), p -> new BiasTrainer(
                new BiasConfig(Integer.parseInt(p.get("iterations")), Double.parseDouble(p.get("reg")), Double.parseDouble(p.get("reg")))));
        SearchResult result = search.run(space, space.grid(), Splits.kFold(all, 3, 1), (p, r) -> { });
        assertThat(result.trials()).hasSize(6);
        for (int i = 1; i < 6; i++) {
            assertThat(result.trials().get(i).report().meanRmse()).isGreaterThanOrEqualTo(result.trials().get(i - 1).report().meanRmse());
        }
        assertThat(result.best().parameters().get("reg")).isNotEqualTo("500");
        String[] md = result.toMarkdown().split("\n");
        assertThat(md).hasSize(8);
        assertThat(md[0]).isEqualTo("| rank | iterations | reg | RMSE | MAE | AUC | NDCG@K | P@K | seconds |");
        assertThat(result.orderedBy()).isEqualTo("mean test RMSE");
        String[] csv = result.toCsv().split("\n");
        assertThat(csv[0]).isEqualTo("rank,iterations,reg,rmse,mae,auc,ndcg,precision,seconds");
        assertThat(csv[1]).startsWith("1," + result.best().parameters().get("iterations") + "," + result.best().parameters().get("reg") + ",");
    }

    @Test
    void rankingModelsWithoutRmseAreSortedByNdcgAndShowTheirRankingMetrics() {
        RatingSet all = TestData.ratings(60, 40, 20, 5);
        ParameterSpace learners = new ParameterSpace().add("learner", List.of("pop", "ials"));
        HyperparameterSearch search = new HyperparameterSearch(
                new Evaluator(io.reelfm.core.eval.metrics.RankingConfig.DEFAULT), p -> p.get("learner").equals("pop")
                        ? new io.reelfm.core.rank.PopularityTrainer()
                        : new io.reelfm.core.rank.ImplicitAlsTrainer("ials",
                                io.reelfm.core.rank.ImplicitAlsConfig.defaults().withFactors(8).withIterations(4), null));
        SearchResult result = search.run(learners, learners.grid(), Splits.kFold(all, 3, 1), (p, r) -> { });

        assertThat(result.orderedBy()).isEqualTo("mean NDCG@K");
        double first = result.trials().get(0).report().meanRanking(io.reelfm.core.eval.metrics.RankingResult::ndcg);
        double second = result.trials().get(1).report().meanRanking(io.reelfm.core.eval.metrics.RankingResult::ndcg);
        assertThat(first).isGreaterThanOrEqualTo(second);
        String[] md = result.toMarkdown().split("\n");
        assertThat(md[2]).startsWith("| 1 | " + result.best().parameters().get("learner") + " | - | - | - | ")
                .contains(String.format(java.util.Locale.ROOT, "%.4f", first));
    }

    @Test
    void rejectsEmptyCandidatesNamingTheParameter() {
        assertThatThrownBy(() -> new ParameterSpace().add("k", List.of())).hasMessageContaining("parameter k");
    }
}
