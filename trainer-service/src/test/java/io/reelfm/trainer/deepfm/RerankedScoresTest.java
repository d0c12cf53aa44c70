package io.reelfm.trainer.deepfm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.reelfm.core.topk.ScoredItems;

class RerankedScoresTest {

    @Test
    void candidatesKeepLogitsThatDifferByLessThanASixteenthAndOutrankEveryOtherItem() {
        float[] out = {0.9f, 0.8f, 0.7f, 0.1f, -0.2f};
        ScoredItems top = new ScoredItems(new int[] {0, 1, 2}, new float[] {0.9f, 0.8f, 0.7f});
        float[] logits = {0.010f, 0.030f, 0.020f};

        DeepFmRatingTrainer.Reranked.placeReranked(out, top, logits);

        assertThat(out[1]).isGreaterThan(out[2]);
        assertThat(out[2]).isGreaterThan(out[0]);
        assertThat(out[0]).isGreaterThan(out[3]);
        assertThat(out[3]).as("below the candidates, still in retrieval order").isGreaterThan(out[4]);
    }

    @Test
    void anEmptyCandidateListLeavesTheRetrievalOrder() {
        float[] out = {0.3f, 0.5f};

        DeepFmRatingTrainer.Reranked.placeReranked(out, new ScoredItems(new int[0], new float[0]), new float[0]);

        assertThat(out).containsExactly(0.3f, 0.5f);
    }
}
