package io.reelfm.core.deepfm;

import java.util.Arrays;
import java.util.BitSet;

import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;

/**
 * Each user's candidate list as the re-ranker will receive it in serving: the retrieval model's
 * best unrated items, with their retrieval inputs. Training examples are drawn from these lists,
 * not from the whole catalogue, so the network learns the job it is given: re-ordering what
 * retrieval already found. Reuses its buffers from user to user; not thread-safe.
 */
final class CandidateRetrieval {

    private final ImplicitAlsModel model;
    private final int listLength;
    private final float[] scores;
    private final int want;
    private final float[] top;
    private final float[] z;
    private final float[] position;

    private CandidateRetrieval(ImplicitAlsModel model, int items, int listLength) {
        this.model = model;
        this.listLength = listLength;
        this.scores = new float[items];
        this.want = Math.min(listLength, items);
        this.top = new float[want];
        this.z = new float[want];
        this.position = new float[want];
    }

    /** Fits the retrieval model on {@code history} with {@code config}; lists of {@code listLength} items. */
    static CandidateRetrieval fit(RatingSet history, ImplicitAlsConfig config, int listLength) {
        ImplicitAlsModel model = new ImplicitAls(config).train(Interactions.of(history, config.weight()));
        return new CandidateRetrieval(model, history.numItems(), listLength);
    }

    /** The user's list, best first, leaving out {@code seen}; its retrieval inputs are then {@link #z} and {@link #position}. */
    ScoredItems retrieve(int user, BitSet seen) {
        model.scoreAll(user, scores);
        ScoredItems list = TopK.select(scores, want, seen);
        int m = list.size();
        for (int j = 0; j < m; j++) {
            top[j] = list.score(j);
        }
        RetrievalInputs.compute(top, m, listLength, z, position);
        return list;
    }

    /** Standardised retrieval score of position j of the last list. */
    float z(int j) {
        return z[j];
    }

    /** Relative position j of the last list. */
    float position(int j) {
        return position[j];
    }

    /** The first m standardised scores of the last list. */
    float[] zPrefix(int m) {
        return Arrays.copyOf(z, m);
    }

    /** The first m relative positions of the last list. */
    float[] positionPrefix(int m) {
        return Arrays.copyOf(position, m);
    }
}
