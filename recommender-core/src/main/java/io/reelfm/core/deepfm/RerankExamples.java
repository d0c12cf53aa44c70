package io.reelfm.core.deepfm;

import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.topk.ScoredItems;

/**
 * Training examples for a re-ranker, drawn the way it will be used. Each user's ratings are split
 * at random: {@link DeepFmConfig#targetShare} of them become the items to find, the rest the
 * user's known history. A retrieval model (implicit ALS with the served model's settings) is fitted
 * on the histories only, and each user's list of its best {@link DeepFmConfig#candidates} unrated
 * items is what the network learns to re-order: candidates the user went on to rate are the
 * positives when rated at or above {@link DeepFmConfig#liked}; targets rated lower are negatives (the
 * user chose them and did not like them, something the retrieval model cannot tell apart), and
 * {@link DeepFmConfig#negatives} others per positive are sampled from the same list (hard
 * negatives: items the retrieval model already liked). Users with no liked target among their
 * candidates teach nothing and are skipped. A share {@link DeepFmConfig#validationShare} of the
 * users is kept out of training altogether, their whole lists kept for early stopping.
 *
 * <p>Fitting the retrieval model on the histories only matters: one fitted on every rating has
 * seen the targets, its scores for them would be inflated, and the network would learn to trust
 * the retrieval score more than it deserves on lists of genuinely unseen items.
 */
public final class RerankExamples {

    /**
     * One held-out user's whole candidate list, best retrieval score first: what early stopping
     * re-ranks to see whether an epoch made lists better or worse than the retrieval order.
     */
    public record ValidationList(DeepFmFeatures.UserFields user, int[] rows, float[] z, float[] position,
                                 boolean[] relevant) {
    }

    private final List<DeepFmFeatures.UserFields> users;
    private final List<ValidationList> validation;
    private final int[] user;
    private final int[] row;
    private final float[] z;
    private final float[] position;
    private final float[] label;

    RerankExamples(List<DeepFmFeatures.UserFields> users, int[] user, int[] row, float[] z, float[] position,
                   float[] label, List<ValidationList> validation) {
        this.users = users;
        this.validation = validation;
        this.user = user;
        this.row = row;
        this.z = z;
        this.position = position;
        this.label = label;
    }

    /**
     * @param train    the training ratings (item indices are the features' rows)
     * @param retrieval settings of the retrieval model (the served ranking model's, after tuning)
     * @param profiles a user index's profile, or null
     */
    public static RerankExamples build(RatingSet train, ImplicitAlsConfig retrieval, DeepFmFeatures features,
                                       IntFunction<UserAttributes> profiles, DeepFmConfig config) {
        Random random = new Random(config.seed());
        TargetSplit split = TargetSplit.draw(train, config.targetShare(), random);
        CandidateRetrieval candidates = CandidateRetrieval.fit(split.history(), retrieval, config.candidates());
        ExampleAssembly examples = new ExampleAssembly();
        for (int u = 0; u < train.numUsers(); u++) {
            TargetSplit.UserRatings ratings = split.user(u, config.liked());
            if (ratings.wanted().isEmpty() || ratings.history().isEmpty()) {
                continue;
            }
            ScoredItems list = candidates.retrieve(u, ratings.seen());
            CandidateLabels labels = new CandidateLabels(list, ratings.wanted(), ratings.disliked());
            if (labels.positives().isEmpty()) {
                continue;
            }
            DeepFmFeatures.UserFields userFields = features.user(profiles.apply(u), ratings.historyItems());
            if (random.nextDouble() < config.validationShare()) {
                examples.addValidation(userFields, list, candidates, ratings.wanted());
            } else {
                examples.addTraining(userFields, list, candidates, labels.positives(),
                        labels.negatives(config.negatives(), random));
            }
        }
        return examples.toExamples();
    }

    /**
     * Examples given directly: example j is user {@code user[j]} (an index into {@code users}) and
     * candidate {@code row[j]} with its retrieval inputs and label (1 = chosen, 0 = not).
     */
    public static RerankExamples of(List<DeepFmFeatures.UserFields> users, int[] user, int[] row, float[] z,
                                    float[] position, float[] label) {
        int n = user.length;
        if (row.length != n || z.length != n || position.length != n || label.length != n) {
            throw new IllegalArgumentException("example columns differ in length");
        }
        for (int u : user) {
            if (u < 0 || u >= users.size()) {
                throw new IllegalArgumentException("example user " + u + " outside 0.." + (users.size() - 1));
            }
        }
        return new RerankExamples(List.copyOf(users), user.clone(), row.clone(), z.clone(), position.clone(), label.clone(),
                List.of());
    }

    public int size() {
        return user.length;
    }

    /** The held-out users' whole candidate lists (none for examples given directly). */
    public List<ValidationList> validation() {
        return validation;
    }

    /** The user-side fields of an example's user. */
    public DeepFmFeatures.UserFields userOf(int example) {
        return users.get(user[example]);
    }

    public int row(int example) {
        return row[example];
    }

    public float z(int example) {
        return z[example];
    }

    public float position(int example) {
        return position[example];
    }

    public float label(int example) {
        return label[example];
    }

    /** Number of positive examples. */
    public int positives() {
        int p = 0;
        for (float l : label) {
            p += l > 0 ? 1 : 0;
        }
        return p;
    }
}
