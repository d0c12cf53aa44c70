package io.reelfm.trainer.deepfm;

import java.util.BitSet;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.eval.HistoryScorer;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingPredictor;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.eval.RatingTrainer;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.rank.RankingTuner;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

/**
 * DeepFM re-ranking as an evaluation learner: the served ranking model's retrieval stage (implicit
 * ALS, its settings chosen per fold by the same tuner) proposes each user's best
 * {@link DeepFmConfig#candidates} items, and the DeepFM network re-orders them, exactly as serving
 * does. Items below the candidates keep the retrieval model's order after them.
 */
public final class DeepFmRatingTrainer implements RatingTrainer {

    private final DeepFmConfig config;
    private final RankingTuner tuner;
    private final SideInfo side;
    private final IdIndex users;
    private final IdIndex items;
    private final int listLength;
    private volatile DeepFmTraining.Outcome last;

    /**
     * @param config     the network's settings; its {@link DeepFmConfig#liked} should be the evaluation's relevance threshold
     * @param tuner      chooses the retrieval model's settings per fold; null keeps iALS's defaults
     * @param listLength the evaluation's list length, at which early stopping measures NDCG
     */
    public DeepFmRatingTrainer(DeepFmConfig config, RankingTuner tuner, SideInfo side, IdIndex users, IdIndex items,
                               int listLength) {
        this.config = config;
        this.listLength = listLength;
        this.tuner = tuner;
        this.side = side;
        this.users = users;
        this.items = items;
    }

    @Override
    public String name() {
        return "deepfm (re-ranking ials)";
    }

    @Override
    public boolean predictsRatings() {
        return false;
    }

    /** The last fold's fit. */
    public DeepFmTraining.Outcome lastOutcome() {
        return last;
    }

    @Override
    public RatingPredictor train(RatingSet train, RatingSet monitor, IterationListener listener) {
        ImplicitAlsConfig base = ImplicitAlsConfig.defaults().withSeed(config.seed());
        ImplicitAlsConfig chosen = tuner == null ? base : tuner.ials(train, base).best();
        ImplicitAlsModel retrieval = new ImplicitAls(chosen).train(Interactions.of(train, chosen.weight()));
        DeepFmTraining.Outcome outcome = new DeepFmTraining(config, listLength).fit(train, users, items, side, chosen);
        last = outcome;
        Reranked predictor = new Reranked(retrieval, outcome.net(), train.rowsByUser(), train, side, users);
        listener.onIteration(1, predictor);
        return predictor;
    }

    /** The retrieval model's lists, their top candidates re-ordered by the network. */
    static final class Reranked implements RatingPredictor, HistoryScorer {
        private final ImplicitAlsModel retrieval;
        private final DeepFmNet net;
        private final int[][] rowsByUser;
        private final RatingSet train;
        private final SideInfo side;
        private final IdIndex users;

        Reranked(ImplicitAlsModel retrieval, DeepFmNet net, int[][] rowsByUser, RatingSet train, SideInfo side,
                 IdIndex users) {
            this.retrieval = retrieval;
            this.net = net;
            this.rowsByUser = rowsByUser;
            this.train = train;
            this.side = side;
            this.users = users;
        }

        @Override
        public float predict(int user, int item) {
            return retrieval.predict(user, item);
        }

        @Override
        public void scoreAll(int user, float[] out) {
            int[] rows = user < rowsByUser.length ? rowsByUser[user] : new int[0];
            int[] rated = new int[rows.length];
            for (int j = 0; j < rows.length; j++) {
                rated[j] = train.item(rows[j]);
            }
            retrieval.scoreAll(user, out);
            UserAttributes profile = user < users.size() ? side.user(users.id(user)) : null;
            rerank(profile, rated, out);
        }

        @Override
        public void scoreHistory(int[] itemIndices, float[] values, float[] out) {
            retrieval.scoreHistory(itemIndices, values, out);
            rerank(null, itemIndices, out);
        }

        private void rerank(UserAttributes profile, int[] rated, float[] out) {
            BitSet seen = new BitSet(out.length);
            for (int i : rated) {
                if (i >= 0 && i < out.length) {
                    seen.set(i);
                }
            }
            ScoredItems top = TopK.select(out, Math.min(net.candidates(), out.length), seen);
            float[] logits = net.rerank(net.userState(net.features().user(profile, rated)), top);
            placeReranked(out, top, logits);
        }

        /**
         * Candidates take their logits; everything else goes below the lowest of them, in
         * retrieval order. Shifting by a small margin, not adding a large constant, keeps every
         * score's float precision (1e6 + logit rounds to steps of 1/16, which ties candidates).
         */
        static void placeReranked(float[] out, ScoredItems top, float[] logits) {
            if (top.size() == 0) {
                return;
            }
            float lowestLogit = Float.POSITIVE_INFINITY;
            for (int j = 0; j < top.size(); j++) {
                lowestLogit = Math.min(lowestLogit, logits[j]);
            }
            float highest = Float.NEGATIVE_INFINITY;
            for (float v : out) {
                highest = Math.max(highest, v);
            }
            float shift = lowestLogit - 1f - highest;
            for (int i = 0; i < out.length; i++) {
                out[i] += shift;
            }
            for (int j = 0; j < top.size(); j++) {
                out[top.index(j)] = logits[j];
            }
        }
    }
}
