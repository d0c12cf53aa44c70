package io.reelfm.trainer.model;

import java.util.LinkedHashMap;
import java.util.Map;

import io.reelfm.core.eval.metrics.ItemGenres;
import io.reelfm.core.eval.metrics.RankingConfig;
import io.reelfm.core.fm.snapshot.FmSnapshot;
import io.reelfm.core.rank.AttributeAls;
import io.reelfm.core.rank.AttributeAlsModel;
import io.reelfm.core.rank.AttributeRows;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.InteractionWeight;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.rank.RankingTuner;
import io.reelfm.core.rank.SideAttributes;

/**
 * A ranking model: implicit ALS over every rating as an interaction (weighted by how far above
 * the middle of the data's scale it lies), published as a RANKING snapshot of item vectors that
 * serving folds each user into on every rating. With attributes on ({@code fm-rank}, the default)
 * it is the attribute model ({@link AttributeAls}): item vectors add embeddings of the genres and
 * decade, users' ridge is centred on their profile's embeddings (published with the snapshot), so
 * a short history is read through what its films have in common; the attribute strength is chosen
 * on the validation slice with the other settings. Its regularisation, unobserved weight and liked
 * boost are chosen on a validation slice of the training ratings ({@link RankingTuner#standard})
 * at the first fit and again whenever the ratings have doubled since the last choice, so they
 * follow the data at hand rather than a constant tuned elsewhere; refits in between reuse them.
 * At the same moments the calibration strength of served lists is chosen the same way
 * ({@link RankingTuner#calibration}) and published with the snapshot, so serving calibrates
 * each list to the user's genre mix exactly as validated.
 *
 * <p>Used by the training thread only; not thread-safe.
 */
public final class RankingFitter implements SnapshotFitter {

    private final ImplicitAlsConfig base;
    private final RankingConfig validation;
    private final boolean tune;
    private final boolean calibrate;
    private final boolean attributes;
    private ImplicitAlsConfig chosen;
    private double strength = 1;
    private double calibration;
    private long tunedAtRatings;
    private boolean fitted;

    /**
     * @param base       factors, sweeps and seed; its prior and weight are used as given when {@code tune} is false
     * @param validation how the tuner judges its validation lists (the gate's list length and relevance threshold)
     */
    public RankingFitter(ImplicitAlsConfig base, RankingConfig validation, boolean tune) {
        this(base, validation, tune, true, false);
    }

    /**
     * @param calibrate  false to publish lists in the model's own order (a re-ranker orders them instead)
     * @param attributes true for the attribute model (genres, decade and profile embeddings), false for plain iALS
     */
    public RankingFitter(ImplicitAlsConfig base, RankingConfig validation, boolean tune, boolean calibrate,
                         boolean attributes) {
        this.calibrate = calibrate;
        this.attributes = attributes;
        this.base = base;
        this.validation = validation;
        this.tune = tune;
        this.chosen = base;
    }

    @Override
    public String name() {
        return attributes ? "fm-rank" : "ials";
    }

    @Override
    public boolean fitted() {
        return fitted;
    }

    @Override
    public boolean online() {
        return false;
    }

    /** The settings of the last fit. */
    public ImplicitAlsConfig settings() {
        return chosen;
    }

    @Override
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("iterations", String.valueOf(chosen.iterations()));
        h.put("seed", String.valueOf(chosen.seed()));
        h.put("reg", String.valueOf(chosen.prior().reg()));
        h.put("unobservedWeight", String.valueOf(chosen.prior().unobservedWeight()));
        h.put("likedBoost", String.valueOf(chosen.weight().likedBoost()));
        h.put("scale", chosen.weight().min() + ".." + chosen.weight().max());
        h.put("calibration", String.valueOf(calibration));
        if (attributes) {
            h.put("attributeStrength", String.valueOf(strength));
        }
        h.put("tuned", String.valueOf(tune));
        return h;
    }

    @Override
    public FmSnapshot fit(FmInputs data) {
        int ratings = data.ratings().size();
        ItemGenres genres = genres(data);
        AttributeRows users = attributes ? SideAttributes.users(data.side(), data.users()) : null;
        AttributeRows items = attributes ? SideAttributes.items(data.side(), data.items()) : null;
        if (tune && (!fitted || ratings >= 2 * tunedAtRatings)) {
            RankingTuner tuner = RankingTuner.standard(validation, base.seed());
            chosen = tuner.ials(data.ratings(), base).best();
            if (attributes) {
                strength = users.attributes() + items.attributes() == 0 ? 1
                        : tuner.attributeStrength(data.ratings(), chosen, users, items).best();
                AttributeAls als = new AttributeAls(chosen, strength);
                calibration = calibrate ? tuner.calibration(data.ratings(), chosen, genres, users,
                        (fit, sampleUsers, validated) -> als.train(fit, sampleUsers, items, ImplicitAls.SweepListener.NONE,
                                validated)).best() : 0;
            } else {
                calibration = calibrate ? tuner.calibration(data.ratings(), chosen, genres).best() : 0;
            }
            tunedAtRatings = ratings;
        } else if (!tune) {
            // fixed settings still weigh ratings on the data's own scale, with the search's starting boost
            chosen = base.withWeight(InteractionWeight.of(data.ratings(), 1f));
        }
        Interactions interactions = Interactions.of(data.ratings(), chosen.weight());
        fitted = true;
        // only the item vectors (and profile embeddings) are published: serving folds every user in, so no
        // user needs the exact last pass
        if (attributes) {
            AttributeAlsModel model = new AttributeAls(chosen, strength).train(interactions, users, items,
                    ImplicitAls.SweepListener.NONE, user -> false);
            return FmSnapshot.ranking(model, data.items(), calibration, genres);
        }
        ImplicitAlsModel model = new ImplicitAls(chosen).train(interactions, ImplicitAls.SweepListener.NONE, user -> false);
        return FmSnapshot.ranking(model, data.items(), calibration, genres);
    }

    /** The catalogue's genres over the training index, from the movies topic. */
    private static ItemGenres genres(FmInputs data) {
        return ItemGenres.of(data.items(), data.side()::genres);
    }

    @Override
    public FmSnapshot update(FmInputs fresh) {
        throw new IllegalStateException("the ranking model takes no online updates: serving folds users in on every rating");
    }
}
