package io.reelfm.core.deepfm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.rank.ImplicitAls;
import io.reelfm.core.rank.ImplicitAlsConfig;
import io.reelfm.core.rank.ImplicitAlsModel;
import io.reelfm.core.rank.Interactions;
import io.reelfm.core.topk.ScoredItems;
import io.reelfm.core.topk.TopK;
import io.reelfm.datasets.UserRow;

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

    private RerankExamples(List<DeepFmFeatures.UserFields> users, int[] user, int[] row, float[] z, float[] position,
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
                                       IntFunction<UserRow> profiles, DeepFmConfig config) {
        Random random = new Random(config.seed());
        int users = train.numUsers();
        List<List<Integer>> byUser = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            byUser.add(new ArrayList<>());
        }
        for (int r = 0; r < train.size(); r++) {
            byUser.get(train.user(r)).add(r);
        }
        boolean[] target = new boolean[train.size()];
        for (List<Integer> rows : byUser) {
            if (rows.size() < 2) {
                continue;
            }
            java.util.Collections.shuffle(rows, random);
            int t = (int) Math.max(1, Math.min(rows.size() - 1, Math.round(rows.size() * config.targetShare())));
            for (int j = 0; j < t; j++) {
                target[rows.get(j)] = true;
            }
        }
        int contextSize = 0;
        for (boolean b : target) {
            contextSize += b ? 0 : 1;
        }
        int[] cu = new int[contextSize];
        int[] ci = new int[contextSize];
        float[] cv = new float[contextSize];
        long[] ct = new long[contextSize];
        int c = 0;
        for (int r = 0; r < train.size(); r++) {
            if (!target[r]) {
                cu[c] = train.user(r);
                ci[c] = train.item(r);
                cv[c] = train.value(r);
                ct[c++] = train.time(r);
            }
        }
        RatingSet context = new RatingSet(cu, ci, cv, ct, users, train.numItems());
        ImplicitAlsModel model = new ImplicitAls(retrieval).train(Interactions.of(context, retrieval.weight()));

        List<DeepFmFeatures.UserFields> fields = new ArrayList<>();
        List<ValidationList> validation = new ArrayList<>();
        IntList exUser = new IntList();
        IntList exRow = new IntList();
        FloatList exZ = new FloatList();
        FloatList exPos = new FloatList();
        FloatList exLabel = new FloatList();
        int n = train.numItems();
        float[] scores = new float[n];
        int want = Math.min(config.candidates(), n);
        float[] top = new float[want];
        float[] zs = new float[want];
        float[] ps = new float[want];
        for (int u = 0; u < users; u++) {
            List<Integer> rows = byUser.get(u);
            BitSet seen = new BitSet(n);
            BitSet wanted = new BitSet(n);
            BitSet disliked = new BitSet(n);
            List<Integer> history = new ArrayList<>();
            for (int r : rows) {
                if (target[r]) {
                    (train.value(r) >= config.liked() ? wanted : disliked).set(train.item(r));
                } else {
                    seen.set(train.item(r));
                    history.add(train.item(r));
                }
            }
            if (wanted.isEmpty() || history.isEmpty()) {
                continue;
            }
            model.scoreAll(u, scores);
            ScoredItems list = TopK.select(scores, want, seen);
            int m = list.size();
            for (int j = 0; j < m; j++) {
                top[j] = list.score(j);
            }
            DeepFmFeatures.retrievalInputs(top, m, config.candidates(), zs, ps);
            List<Integer> positives = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            List<Integer> chosenBadly = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                (wanted.get(list.index(j)) ? positives : disliked.get(list.index(j)) ? chosenBadly : others).add(j);
            }
            if (positives.isEmpty()) {
                continue;
            }
            DeepFmFeatures.UserFields userFields = features.user(profiles.apply(u),
                    history.stream().mapToInt(Integer::intValue).toArray());
            if (random.nextDouble() < config.validationShare()) {
                int[] listRows = new int[m];
                boolean[] relevant = new boolean[m];
                for (int j = 0; j < m; j++) {
                    listRows[j] = list.index(j);
                    relevant[j] = wanted.get(listRows[j]);
                }
                validation.add(new ValidationList(userFields, listRows, java.util.Arrays.copyOf(zs, m),
                        java.util.Arrays.copyOf(ps, m), relevant));
                continue;
            }
            int id = fields.size();
            fields.add(userFields);
            java.util.Collections.shuffle(others, random);
            others.addAll(0, chosenBadly);
            int negatives = Math.min(others.size(), positives.size() * config.negatives());
            for (int p = 0; p < positives.size() + negatives; p++) {
                int j = p < positives.size() ? positives.get(p) : others.get(p - positives.size());
                exUser.add(id);
                exRow.add(list.index(j));
                exZ.add(zs[j]);
                exPos.add(ps[j]);
                exLabel.add(p < positives.size() ? 1f : 0f);
            }
        }
        return new RerankExamples(fields, exUser.toArray(), exRow.toArray(), exZ.toArray(), exPos.toArray(),
                exLabel.toArray(), validation);
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

    private static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }

    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
