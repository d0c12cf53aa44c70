package io.reelfm.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;

class TrainerConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        TrainerConfig c = TrainerConfig.from(Settings.ofMap(Map.of()));
        assertThat(c.port()).isEqualTo(8082);
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.models()).extracting(ModelSpec::name).containsExactly("fm-mcmc", "ranking", "content-kmeans");
        assertThat(c.models().get(2).clustering()).isTrue();
        assertThat(c.models().get(2).kind()).isEqualTo("kmeans");
        assertThat(c.models().get(0).learner()).isEqualTo("mcmc");
        assertThat(c.models().get(0).newFitter().name()).isEqualTo("mcmc");
        ModelSpec ranking = c.models().get(1);
        assertThat(ranking.learner()).isEqualTo("fm-rank");
        assertThat(ranking.ranking()).isTrue();
        assertThat(ranking.online()).isFalse();
        assertThat(ranking.tune()).isTrue();
        assertThat(ranking.features()).isEmpty();
        assertThat(ranking.factors()).isEqualTo(64);
        assertThat(ranking.newFitter(io.reelfm.core.eval.metrics.RankingConfig.DEFAULT).name()).isEqualTo("fm-rank");
        assertThat(c.retainVersions()).isEqualTo(3);
        assertThat(c.chunkBytes()).isEqualTo(512 * 1024);
        assertThat(c.refitAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.checkpointDir()).isNull();
        assertThat(c.gateTolerance()).isEqualTo(0.02);
        assertThat(c.readyMaxLag()).isEqualTo(1000);
        assertThat(c.models().get(0).features()).isEqualTo(ModelSpec.DEFAULT_FEATURES);
        assertThat(c.models().get(0).fmConfig().groups()).contains(
                io.reelfm.core.fm.FeatureGroup.GENRES, io.reelfm.core.fm.FeatureGroup.YEAR, io.reelfm.core.fm.FeatureGroup.PROFILE)
                .doesNotContain(io.reelfm.core.fm.FeatureGroup.IMPLICIT, io.reelfm.core.fm.FeatureGroup.RATERS);
    }

    @Test
    void theReadinessLagBoundIsSetByItsKeyAndCannotBeNegative() {
        assertThat(TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.ready-max-lag", "0"))).readyMaxLag()).isZero();
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.ready-max-lag", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.ready-max-lag");
    }

    @Test
    void aModelCanChooseItsFeatureGroups() {
        TrainerConfig c = TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.models", "fm-mcmc,fm-sgd",
                "reelfm.trainer.model.fm-mcmc.features", "Genres, raters", "reelfm.trainer.model.fm-sgd.features", "none")));
        assertThat(c.models().get(0).fmConfig().groups()).contains(
                io.reelfm.core.fm.FeatureGroup.GENRES, io.reelfm.core.fm.FeatureGroup.RATERS)
                .doesNotContain(io.reelfm.core.fm.FeatureGroup.YEAR, io.reelfm.core.fm.FeatureGroup.PROFILE);
        assertThat(c.models().get(1).features()).isEmpty();
    }

    @Test
    void featureGroupsThatNeedFullRefitsAreRefusedForSgdAndUnknownOnesNamed() {
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.models", "fm-sgd",
                "reelfm.trainer.model.fm-sgd.features", "genres,raters"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.model.fm-sgd.features")
                .hasMessageContaining("not sgd");
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.model.fm-mcmc.features", "genres,moods"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.model.fm-mcmc.features")
                .hasMessageContaining("moods");
    }

    @Test
    void aRankingModelWithAnExplicitLambdaIsNotTunedAndTakesNoSideFeatures() {
        TrainerConfig c = TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.models", "ranking",
                "reelfm.trainer.model.ranking.lambda", "0.02")));
        assertThat(c.models().get(0).tune()).isFalse();
        assertThat(c.models().get(0).lambda()).isEqualTo(0.02);
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.models", "ranking",
                "reelfm.trainer.model.ranking.features", "genres"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.model.ranking.features");
    }

    @Test
    void aModelNamedDeepfmIsTheRerankedRankingModelWithTheRankingModelsRetrievalSettings() {
        TrainerConfig c = TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.models", "ranking,deepfm")));
        ModelSpec ranking = c.models().get(0);
        ModelSpec deepfm = c.models().get(1);
        assertThat(deepfm.learner()).isEqualTo("deepfm");
        assertThat(deepfm.ranking()).isTrue();
        assertThat(deepfm.features()).isEmpty();
        assertThat(deepfm.factors()).isEqualTo(ranking.factors());
        assertThat(deepfm.iterations()).isEqualTo(ranking.iterations());
        assertThat(deepfm.tune()).isTrue();
    }

    @Test
    void perModelSettingsApply() {
        TrainerConfig c = TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.models", "a, b",
                "reelfm.trainer.model.a.learner", "sgd", "reelfm.trainer.model.b.factors", "64",
                "reelfm.trainer.model.b.lambda", "0.5")));
        assertThat(c.models().get(0).learner()).isEqualTo("sgd");
        assertThat(c.models().get(1).factors()).isEqualTo(64);
        assertThat(c.models().get(1).fmConfig().regV()).isEqualTo(0.5);
    }

    @Test
    void theClusteringChoosesItsKUnlessOneIsGiven() {
        assertThat(TrainerConfig.from(Settings.ofMap(Map.of())).models().get(2).clusters())
                .isEqualTo(io.reelfm.trainer.content.ContentClusterJob.AUTO);
        assertThat(TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.model.content-kmeans.clusters", "9")))
                .models().get(2).clusters()).isEqualTo(9);
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.model.content-kmeans.clusters", "some"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.model.content-kmeans.clusters")
                .hasMessageContaining("auto");
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.model.content-kmeans.clusters", "1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.model.content-kmeans.clusters");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.snapshot.chunk-bytes", "2000000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.snapshot.chunk-bytes");
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.model.fm-mcmc.learner", "gibbs"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reelfm.trainer.model.fm-mcmc.learner");
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.models", "x/y"))))
                .hasMessageContaining("reelfm.trainer.models");
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.snapshot.retain", "1"))))
                .hasMessageContaining("reelfm.trainer.snapshot.retain");
        assertThatThrownBy(() -> TrainerConfig.from(Settings.ofMap(Map.of("reelfm.trainer.refit-after", "soon"))))
                .hasMessageContaining("reelfm.trainer.refit-after");
    }
}
