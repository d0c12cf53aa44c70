package io.reelfm.core.deepfm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import io.reelfm.core.topk.ScoredItems;

/**
 * Collects {@link RerankExamples} user by user: training users' labelled candidates as growing
 * primitive columns (there are hundreds of thousands of examples, boxing them would dwarf the
 * data) and held-out users' whole lists for early stopping.
 */
final class ExampleAssembly {

    private final List<DeepFmFeatures.UserFields> users = new ArrayList<>();
    private final List<RerankExamples.ValidationList> validation = new ArrayList<>();
    private final IntColumn user = new IntColumn();
    private final IntColumn row = new IntColumn();
    private final FloatColumn z = new FloatColumn();
    private final FloatColumn position = new FloatColumn();
    private final FloatColumn label = new FloatColumn();

    /** Keeps a held-out user's whole list, with which candidates they went on to like. */
    void addValidation(DeepFmFeatures.UserFields fields, ScoredItems list, CandidateRetrieval inputs, BitSet wanted) {
        int m = list.size();
        int[] listRows = new int[m];
        boolean[] relevant = new boolean[m];
        for (int j = 0; j < m; j++) {
            listRows[j] = list.index(j);
            relevant[j] = wanted.get(listRows[j]);
        }
        validation.add(new RerankExamples.ValidationList(fields, listRows, inputs.zPrefix(m), inputs.positionPrefix(m),
                relevant));
    }

    /** Adds a training user's examples: the positives (label 1), then the negatives (label 0), as list positions. */
    void addTraining(DeepFmFeatures.UserFields fields, ScoredItems list, CandidateRetrieval inputs,
                     List<Integer> positives, List<Integer> negatives) {
        int id = users.size();
        users.add(fields);
        for (int p = 0; p < positives.size() + negatives.size(); p++) {
            int j = p < positives.size() ? positives.get(p) : negatives.get(p - positives.size());
            user.add(id);
            row.add(list.index(j));
            z.add(inputs.z(j));
            position.add(inputs.position(j));
            label.add(p < positives.size() ? 1f : 0f);
        }
    }

    RerankExamples toExamples() {
        return new RerankExamples(users, user.toArray(), row.toArray(), z.toArray(), position.toArray(),
                label.toArray(), validation);
    }

    private static final class IntColumn {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class FloatColumn {
        private float[] a = new float[1024];
        private int n;

        void add(float v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
