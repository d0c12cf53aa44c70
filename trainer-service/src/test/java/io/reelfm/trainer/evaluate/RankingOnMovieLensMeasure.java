package io.reelfm.trainer.evaluate;

import io.reelfm.core.eval.EvaluationReport;
import io.reelfm.core.eval.Evaluator;
import io.reelfm.core.eval.FoldResult;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.rank.AttributeAlsTrainer;
import io.reelfm.datasets.model.Ml100k;
import io.reelfm.datasets.movielens.MovieLens100kDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Not a check but the measurement behind the ranking tables: the ranking learners on MovieLens
 * 100K under the canonical folds and item cold start, printed as a table. Minutes of CPU, so it
 * runs only when asked:
 * {@code REELFM_MEASURE=1 ./mvnw -o -pl recommender-core,trainer-service -am test -Dtest=RankingOnMovieLensMeasure
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code REELFM_MEASURE_LEARNERS} and {@code REELFM_MEASURE_FOLDS}
 * (comma- and semicolon-separated) narrow it; the learner "random" is a seeded random order.
 */
@EnabledIfEnvironmentVariable(named = "REELFM_MEASURE", matches = "1")
class RankingOnMovieLensMeasure {

    @Test
    void measure() {
        Path dir = Ml100k.locate().orElse(null);
        Assumptions.assumeTrue(dir != null, "MovieLens 100K not found");
        List<String> learners = List.of(env("REELFM_MEASURE_LEARNERS", "fm-rank,ials,default,ease,pop").split(","));
        List<String> protocols = List.of(env("REELFM_MEASURE_FOLDS", "u1,u2,u3,u4,u5;cold-items").split(";"));
        RankingConfig ranking = RankingConfig.DEFAULT;
        for (String folds : protocols) {
            EvaluationData data = EvaluationData.load(dir, new MovieLens100kDataset(dir), null, null, folds, 42);
            for (String learner : learners) {
                LearnerSpec spec = new LearnerSpec(learner.equals("random") ? "pop" : learner, LearnerSpec.defaultFactors(learner),
                        LearnerSpec.defaultIterations(learner), Double.NaN, 0.015, LearnerSpec.parseFeatures("user,item"), 42);
                long start = System.nanoTime();
                io.reelfm.core.eval.RatingTrainer trainer = learner.equals("random") ? randomOrder()
                        : spec.trainer(data.side(), data.users(), data.items(), ranking);
                List<String> strengths = new java.util.ArrayList<>();
                EvaluationReport report = new Evaluator(ranking).evaluate(trainer, data.splits(), new Evaluator.Progress() {
                    @Override
                    public void foldDone(FoldResult result) {
                        if (trainer instanceof AttributeAlsTrainer t) {
                            strengths.add(result.split() + "=" + t.lastStrength());
                        }
                    }
                });
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s |", folds, learner));
                double ndcg = 0;
                double precision = 0;
                if (report.folds().stream().anyMatch(f -> f.ranking() == null)) {
                    System.out.println("MEASURE | " + folds + " | " + learner + " | no lists (cannot fold a user in) |");
                    continue;
                }
                for (FoldResult f : report.folds()) {
                    ndcg += f.ranking().ndcg() / report.folds().size();
                    precision += f.ranking().precision() / report.folds().size();
                }
                line.append(String.format(Locale.ROOT, " %.4f | %.4f |", ndcg, precision));
                for (FoldResult f : report.folds()) {
                    line.append(String.format(Locale.ROOT, " %s %.4f (%.4f)", f.split(), f.ranking().ndcg(),
                            f.ranking().precision()));
                }
                line.append(String.format(Locale.ROOT, " | %.1f s |", (System.nanoTime() - start) / 1e9));
                if (!strengths.isEmpty()) {
                    line.append(" attribute strength ").append(String.join(", ", strengths)).append(" |");
                }
                System.out.println("MEASURE " + line);
            }
        }
    }

    /** "random": a seeded random order, the reference a list of ties should be read against. */
    private static io.reelfm.core.eval.RatingTrainer randomOrder() {
        return new io.reelfm.core.eval.RatingTrainer() {
            @Override
            public String name() {
                return "random";
            }

            @Override
            public boolean predictsRatings() {
                return false;
            }

            @Override
            public io.reelfm.core.eval.RatingPredictor train(io.reelfm.core.eval.RatingSet train,
                                                            io.reelfm.core.eval.RatingSet monitor, IterationListener listener) {
                return (user, item) -> (float) new java.util.SplittableRandom(user * 1_000_003L + item).nextDouble();
            }
        };
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
