package io.reelfm.trainer.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.trainer.deepfm.DeepFmTraining;

/**
 * The DeepFM challenger: the ranking model's lists (implicit ALS, tuned as {@link RankingFitter}
 * tunes it, without genre calibration) with their best candidates re-ordered by a DeepFM network
 * ({@link DeepFmTraining}). Published as one snapshot, the retrieval model and the network together,
 * so serving swaps both at once and the gate measures exactly the lists serving will show.
 *
 * <p>Used by the training thread only; not thread-safe.
 */
public final class DeepFmFitter implements SnapshotFitter {

    private final RankingFitter retrieval;
    private final DeepFmConfig config;
    private final int listLength;
    private DeepFmTraining.Outcome last;

    /**
     * @param retrieval  the retrieval stage (its calibration off)
     * @param listLength the gate's list length, at which early stopping measures NDCG
     */
    public DeepFmFitter(RankingFitter retrieval, DeepFmConfig config, int listLength) {
        this.retrieval = retrieval;
        this.config = config;
        this.listLength = listLength;
    }

    @Override
    public String name() {
        return "deepfm";
    }

    @Override
    public boolean fitted() {
        return last != null;
    }

    @Override
    public boolean online() {
        return false;
    }

    @Override
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>();
        retrieval.hyperparameters().forEach((key, value) -> h.put("retrieval." + key, value));
        // the epochs are always chosen from the data (early stopping), so a version is "tuned": after a restart
        // the loop carries on from it instead of comparing settings that differ from fit to fit
        h.put("tuned", "true");
        h.put("k", String.valueOf(config.k()));
        h.put("hidden", Arrays.toString(config.hidden()));
        h.put("dropout", String.valueOf(config.dropout()));
        h.put("candidates", String.valueOf(config.candidates()));
        h.put("negatives", String.valueOf(config.negatives()));
        h.put("learningRate", String.valueOf(config.learningRate()));
        if (last != null) {
            h.put("epochs", last.epochs() + " (kept " + last.bestEpoch() + ")");
            h.put("validationNdcg", String.format(Locale.ROOT, "%.4f (retrieval order %.4f)", last.validationNdcg(),
                    last.retrievalNdcg()));
            h.put("examples", String.valueOf(last.examples()));
        }
        return h;
    }

    @Override
    public FmSnapshot fit(FmInputs data) {
        FmSnapshot lists = retrieval.fit(data);
        DeepFmTraining.Outcome outcome = new DeepFmTraining(config, listLength)
                .fit(data.ratings(), data.users(), data.items(), data.side(), retrieval.settings());
        last = outcome;
        return lists.withReranker(outcome.net());
    }

    @Override
    public FmSnapshot update(FmInputs fresh) {
        throw new IllegalStateException("DeepFM takes no online updates: serving folds users in on every rating");
    }
}
