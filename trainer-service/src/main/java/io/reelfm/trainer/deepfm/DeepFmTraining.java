package io.reelfm.trainer.deepfm;

import java.util.Random;
import java.util.function.IntFunction;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.core.deepfm.DeepFmFeatures;
import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.deepfm.Field;
import io.reelfm.core.deepfm.RerankExamples;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.rank.ImplicitAlsConfig;

/**
 * Fits a DeepFM re-ranker: draws {@link RerankExamples} from the training ratings, trains the
 * {@link DeepFmGraph} on them with Adam in shuffled mini-batches, and exports the result.
 *
 * <p>The batch arrays are allocated once and refilled in place (a dense history row per example
 * is the largest input), and the graph runs in ND4J workspaces, so an epoch allocates next to
 * nothing off-heap; the last partial batch of an epoch is dropped (the order is reshuffled every
 * epoch, so every example is used). Not thread-safe.
 */
public final class DeepFmTraining {

    /**
     * What one fit did, for logs, manifests and reports.
     *
     * @param epochs          epochs run (early stopping may end before the configured number)
     * @param bestEpoch       the epoch whose network is kept (1-based)
     * @param retrievalNdcg   NDCG of the validation users' lists in the retrieval model's own order
     * @param validationNdcg  NDCG of the same lists re-ranked by the kept network
     */
    public record Outcome(DeepFmNet net, int examples, int positives, int epochs, int bestEpoch, double retrievalNdcg,
                          double validationNdcg, long millis) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeepFmTraining.class);

    private final DeepFmConfig config;
    private final int listLength;

    /** @param listLength the list length validation NDCG is measured at (the gate's) */
    public DeepFmTraining(DeepFmConfig config, int listLength) {
        this.config = config;
        this.listLength = listLength;
    }

    public DeepFmConfig config() {
        return config;
    }

    /**
     * @param train     training ratings over the indices of {@code users} and {@code items}
     * @param retrieval the served ranking model's settings (its candidates are what gets re-ranked)
     */
    public Outcome fit(RatingSet train, IdIndex users, IdIndex items, SideInfo side, ImplicitAlsConfig retrieval) {
        long start = System.nanoTime();
        DeepFmFeatures features = DeepFmFeatures.of(items, side, users, train, config.maxHistory());
        IntFunction<UserAttributes> profiles = u -> u < users.size() ? side.user(users.id(u)) : null;
        RerankExamples examples = RerankExamples.build(train, retrieval, features, profiles, config);
        long drawn = System.nanoTime();
        ComputationGraph graph = DeepFmGraph.build(features, config);
        Outcome o = train(graph, features, examples);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("DeepFM: {} examples ({} positives) drawn in {} ms; {} epochs in {} ms, kept epoch {}: validation NDCG@{} "
                        + "{} against {} in retrieval order", examples.size(), examples.positives(), (drawn - start) / 1_000_000,
                o.epochs(), (System.nanoTime() - drawn) / 1_000_000, o.bestEpoch(), listLength,
                String.format(java.util.Locale.ROOT, "%.4f", o.validationNdcg()),
                String.format(java.util.Locale.ROOT, "%.4f", o.retrievalNdcg()));
        return new Outcome(o.net(), o.examples(), o.positives(), o.epochs(), o.bestEpoch(), o.retrievalNdcg(),
                o.validationNdcg(), millis);
    }

    /**
     * Trains {@code graph} on {@code examples}. With validation lists, the network of the epoch whose
     * re-ranked lists have the best NDCG is kept and training stops after {@link DeepFmConfig#patience}
     * epochs without a better one; without, every configured epoch runs and the last is kept.
     */
    public Outcome train(ComputationGraph graph, DeepFmFeatures features, RerankExamples examples) {
        long start = System.nanoTime();
        int n = examples.size();
        double retrievalNdcg = ndcg(examples.validation(), null);
        if (n == 0) {
            return new Outcome(DeepFmGraph.export(graph, features, config), 0, 0, 0, 0, retrievalNdcg, Double.NaN, 0);
        }
        int batch = Math.min(config.batchSize(), n);
        Batch buffers = new Batch(features, batch);
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Random random = new Random(config.seed());
        DeepFmNet best = null;
        double bestNdcg = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        while (epoch < config.epochs() && epoch - bestEpoch < config.patience()) {
            for (int j = n - 1; j > 0; j--) {
                int other = random.nextInt(j + 1);
                int t = order[j];
                order[j] = order[other];
                order[other] = t;
            }
            for (int from = 0; from + batch <= n; from += batch) {
                graph.fit(buffers.fill(examples, order, from));
            }
            epoch++;
            DeepFmNet net = DeepFmGraph.export(graph, features, config);
            double ndcg = examples.validation().isEmpty() ? epoch : ndcg(examples.validation(), net);
            if (ndcg > bestNdcg) {
                best = net;
                bestNdcg = ndcg;
                bestEpoch = epoch;
            }
        }
        return new Outcome(best, n, examples.positives(), epoch, bestEpoch, retrievalNdcg,
                examples.validation().isEmpty() ? Double.NaN : bestNdcg, (System.nanoTime() - start) / 1_000_000);
    }

    /** Mean NDCG at the list length of the validation lists re-ranked by {@code net}, or in retrieval order when null. */
    private double ndcg(java.util.List<RerankExamples.ValidationList> lists, DeepFmNet net) {
        double sum = 0;
        int users = 0;
        for (RerankExamples.ValidationList list : lists) {
            int m = list.rows().length;
            int relevant = 0;
            for (boolean r : list.relevant()) {
                relevant += r ? 1 : 0;
            }
            if (relevant == 0) {
                continue;
            }
            Integer[] order = new Integer[m];
            for (int j = 0; j < m; j++) {
                order[j] = j;
            }
            if (net != null) {
                float[] logits = new float[m];
                net.score(net.userState(list.user()), list.rows(), list.z(), list.position(), m, logits);
                java.util.Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));
            }
            double dcg = 0;
            double ideal = 0;
            for (int p = 0; p < Math.min(listLength, m); p++) {
                double discount = 1 / (Math.log(p + 2) / Math.log(2));
                dcg += list.relevant()[order[p]] ? discount : 0;
                ideal += p < relevant ? discount : 0;
            }
            sum += dcg / ideal;
            users++;
        }
        return users == 0 ? Double.NaN : sum / users;
    }

    /** The graph's inputs and labels for every example of {@code examples}, in order, as one batch. */
    public static MultiDataSet batchOf(DeepFmFeatures features, RerankExamples examples) {
        int[] order = new int[examples.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        return new Batch(features, examples.size()).fill(examples, order, 0);
    }

    /** Input and label arrays of one batch, allocated once and refilled from Java arrays. */
    static final class Batch {
        private final DeepFmFeatures features;
        private final int size;
        private final float[][] host;
        private final INDArray[] inputs;
        private final float[] labelHost;
        private final INDArray labels;
        private final MultiDataSet data;

        Batch(DeepFmFeatures features, int size) {
            this.features = features;
            this.size = size;
            Field[] fields = Field.values();
            host = new float[fields.length][];
            inputs = new INDArray[fields.length];
            for (Field f : fields) {
                int columns = width(features, f);
                host[f.ordinal()] = new float[size * columns];
                inputs[f.ordinal()] = Nd4j.create(DataType.FLOAT, size, columns);
            }
            labelHost = new float[size];
            labels = Nd4j.create(DataType.FLOAT, size, 1);
            data = new MultiDataSet(inputs, new INDArray[] {labels});
        }

        static int width(DeepFmFeatures features, Field f) {
            return features.size(f);
        }

        MultiDataSet fill(RerankExamples examples, int[] order, int from) {
            for (float[] h : host) {
                java.util.Arrays.fill(h, 0f);
            }
            int historyWidth = features.size(Field.HISTORY);
            int genreWidth = features.size(Field.GENRES);
            for (int b = 0; b < size; b++) {
                int e = order[from + b];
                DeepFmFeatures.UserFields user = examples.userOf(e);
                int row = examples.row(e);
                int[] cols = user.history();
                float[] w = user.weights();
                for (int p = 0; p < cols.length; p++) {
                    host[Field.HISTORY.ordinal()][b * historyWidth + cols[p]] = w[p];
                }
                host[Field.ITEM.ordinal()][b * features.size(Field.ITEM) + features.itemColumn(row)] = 1f;
                int[] genres = features.genres(row);
                for (int g : genres) {
                    host[Field.GENRES.ordinal()][b * genreWidth + g] = 1f / genres.length;
                }
                host[Field.DECADE.ordinal()][b * features.size(Field.DECADE) + features.decade(row)] = 1f;
                host[Field.AGE.ordinal()][b * features.size(Field.AGE) + user.age()] = 1f;
                host[Field.GENDER.ordinal()][b * features.size(Field.GENDER) + user.gender()] = 1f;
                host[Field.OCCUPATION.ordinal()][b * features.size(Field.OCCUPATION) + user.occupation()] = 1f;
                host[Field.RETRIEVAL.ordinal()][b * 2] = examples.z(e);
                host[Field.RETRIEVAL.ordinal()][b * 2 + 1] = examples.position(e);
                labelHost[b] = examples.label(e);
            }
            for (Field f : Field.values()) {
                inputs[f.ordinal()].data().setData(host[f.ordinal()]);
            }
            labels.data().setData(labelHost);
            return data;
        }
    }
}
