package io.reelfm.serving.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelfm.serving.topology.UserHistory;

class FoldInTest {

    @Test
    void recoversTheUserWhoseRatingsTheModelExplainsExactly() {
        byte[] payload = TestModels.randomPayload(200, 4, "m", 7);
        FactorModel model = FactorModel.fromPayload(TestModels.manifest("fm", 1, payload, 1), payload);
        double[] truth = {0.4, 0.8, -0.5, 0.3, 0.1};
        List<UserHistory.Entry> ratings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ratings.add(new UserHistory.Entry("m" + i, (float) model.predict(truth, i), i));
        }

        double[] folded = FoldIn.userVector(model, ratings);

        for (int f = 0; f < truth.length; f++) {
            assertThat(folded[f]).isCloseTo(truth[f], within(0.02));
        }
    }

    @Test
    void unknownItemsAreIgnoredAndNoKnownRatingGivesTheBaselineUser() {
        byte[] payload = TestModels.randomPayload(10, 3, "m", 1);
        FactorModel model = FactorModel.fromPayload(TestModels.manifest("fm", 1, payload, 1), payload);

        double[] v = FoldIn.userVector(model, List.of(new UserHistory.Entry("not-in-model", 5f, 1)));

        assertThat(v).containsOnly(0.0);
    }

    @Test
    void malformedPayloadIsRejectedWithReason() {
        byte[] payload = {1, 2, 3, 4, 5, 6, 7, 8};
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> FactorModel.fromPayload(TestModels.manifest("fm", 1, payload, 1), payload))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFM1");
    }
}
