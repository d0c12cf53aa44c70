package io.reelfm.trainer.deepfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import io.reelfm.core.data.ItemAttributes;
import io.reelfm.core.data.SideInfo;
import io.reelfm.core.data.UserAttributes;
import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.core.deepfm.DeepFmFeatures;
import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.deepfm.Field;
import io.reelfm.core.deepfm.RerankExamples;
import io.reelfm.core.eval.IdIndex;
import io.reelfm.core.eval.RatingSet;
import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmTask;

class DeepFmGraphTest {

    /** A small catalogue: 40 items in genres A/B, decades 1980/1990, 60 users of both genders and several ages. */
    private static final class World {
        final IdIndex items = new IdIndex();
        final IdIndex users = new IdIndex();
        final SideInfo side = SideInfo.empty();
        final DeepFmFeatures features;

        World() {
            for (int i = 0; i < 40; i++) {
                String id = "m" + i;
                items.indexOf(id);
                side.putItem(id, new ItemAttributes(i % 4 < 2 ? 1985 : 1995, List.of(i % 2 == 0 ? "A" : "B")));
            }
            for (int u = 0; u < 60; u++) {
                String id = "u" + u;
                users.indexOf(id);
                side.putUser(id, new UserAttributes(young(u) ? 20 : 40, u % 2 == 0 ? "M" : "F", "other"));
            }
            int[] uu = new int[users.size() * 3];
            int[] ii = new int[uu.length];
            for (int r = 0; r < uu.length; r++) {
                uu[r] = r % users.size();
                ii[r] = (r * 7) % items.size();
            }
            RatingSet ratings = new RatingSet(uu, ii, new float[uu.length], new long[uu.length], users.size(), items.size());
            features = DeepFmFeatures.of(items, side, users, ratings, 64);
        }

        DeepFmFeatures.UserFields user(int u, int... rated) {
            return features.user(side.user(users.id(u)), rated);
        }
    }

    private static INDArray[] inputs(DeepFmFeatures features, List<DeepFmFeatures.UserFields> users, int[] user, int[] rows,
                                     float[] z, float[] position) {
        RerankExamples ex = RerankExamples.of(users, user, rows, z, position, new float[user.length]);
        int[] order = new int[user.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        MultiDataSet data = new DeepFmTraining.Batch(features, user.length).fill(ex, order, 0);
        INDArray[] copy = new INDArray[data.getFeatures().length];
        for (int f = 0; f < copy.length; f++) {
            copy[f] = data.getFeatures(f).dup();
        }
        return copy;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void theGraphsFmPartReproducesRecommenderCoresFactorizationMachineForTheSameWeights() {
        World w = new World();
        DeepFmConfig config = DeepFmConfig.defaults().withK(4).withHidden();
        ComputationGraph graph = DeepFmGraph.build(w.features, config);
        Random random = new Random(7);
        int k = config.k();
        // one FM feature per column of every field, numbered field by field
        int[] offset = new int[Field.values().length];
        int total = 0;
        for (Field f : Field.values()) {
            offset[f.ordinal()] = total;
            total += w.features.size(f);
        }
        float[] fmW = new float[total];
        float[] fmV = new float[total * k];
        for (Field f : Field.values()) {
            int n = w.features.size(f);
            INDArray e = Nd4j.create(DataType.FLOAT, n, k);
            INDArray l = Nd4j.create(DataType.FLOAT, n, 1);
            for (int c = 0; c < n; c++) {
                float lin = (float) (random.nextGaussian() * 0.3);
                l.putScalar(c, 0, lin);
                fmW[offset[f.ordinal()] + c] = lin;
                for (int d = 0; d < k; d++) {
                    float v = (float) (random.nextGaussian() * 0.3);
                    e.putScalar(c, d, v);
                    fmV[(offset[f.ordinal()] + c) * k + d] = v;
                }
            }
            graph.getLayer("e_" + DeepFmGraph.input(f)).setParam("W", e);
            graph.getLayer("l_" + DeepFmGraph.input(f)).setParam("W", l);
        }
        float w0 = 0.25f;
        graph.getLayer("deep").setParam("W", Nd4j.zeros(DataType.FLOAT, Field.values().length * k, 1));
        graph.getLayer("deep").setParam("b", Nd4j.scalar(DataType.FLOAT, w0).reshape(1, 1));
        FmModel fm = new FmModel(FmTask.CLASSIFICATION, k, w0, fmW, fmV, null, 0, 1, null);

        // one active column per field (a single rated item, a single genre, the position input at 0)
        List<DeepFmFeatures.UserFields> users = List.of(w.user(0, 3), w.user(1, 10), w.user(5, 22));
        int[] user = {0, 1, 2, 0};
        int[] rows = {4, 9, 17, 38};
        float[] z = {0.5f, -1.2f, 2.0f, 0.1f};
        float[] position = new float[4];
        INDArray out = graph.outputSingle(false, inputs(w.features, users, user, rows, z, position));
        for (int j = 0; j < user.length; j++) {
            DeepFmFeatures.UserFields u = users.get(user[j]);
            int[] idx = {
                offset[Field.HISTORY.ordinal()] + u.history()[0],
                offset[Field.ITEM.ordinal()] + w.features.itemColumn(rows[j]),
                offset[Field.GENRES.ordinal()] + w.features.genres(rows[j])[0],
                offset[Field.DECADE.ordinal()] + w.features.decade(rows[j]),
                offset[Field.AGE.ordinal()] + u.age(),
                offset[Field.GENDER.ordinal()] + u.gender(),
                offset[Field.OCCUPATION.ordinal()] + u.occupation(),
                offset[Field.RETRIEVAL.ordinal()],
            };
            float[] val = {1, 1, 1, 1, 1, 1, 1, z[j]};
            assertThat(logit(out.getDouble(j, 0))).isCloseTo(fm.predict(idx, val, idx.length), within(1e-4));
        }
    }

    @Test
    void theExportedNetworkScoresExactlyAsTheGraphDoes() {
        World w = new World();
        DeepFmConfig config = DeepFmConfig.defaults().withK(6).withHidden(12, 5).withEpochs(3);
        ComputationGraph graph = DeepFmGraph.build(w.features, config);
        List<DeepFmFeatures.UserFields> users = List.of(w.user(0, 3, 4, 5), w.user(1, 10), w.user(2));
        Random random = new Random(3);
        int n = 256;
        int[] user = new int[n];
        int[] rows = new int[n];
        float[] z = new float[n];
        float[] position = new float[n];
        float[] label = new float[n];
        for (int j = 0; j < n; j++) {
            user[j] = random.nextInt(users.size());
            rows[j] = random.nextInt(w.items.size());
            z[j] = (float) random.nextGaussian();
            position[j] = random.nextFloat();
            label[j] = random.nextBoolean() ? 1 : 0;
        }
        // a few steps so every weight has moved away from its initialisation
        new DeepFmTraining(config, 10).train(graph, w.features, RerankExamples.of(users, user, rows, z, position, label));
        DeepFmNet net = DeepFmGraph.export(graph, w.features, config);

        INDArray out = graph.outputSingle(false, inputs(w.features, users, user, rows, z, position));
        for (int u = 0; u < users.size(); u++) {
            float[] state = net.userState(users.get(u));
            for (int j = 0; j < n; j++) {
                if (user[j] != u) {
                    continue;
                }
                float[] logit = new float[1];
                net.score(state, new int[] {rows[j]}, new float[] {z[j]}, new float[] {position[j]}, 1, logit);
                assertThat((double) logit[0]).isCloseTo(logit(out.getDouble(j, 0)), within(2e-3));
            }
        }
    }

    @Test
    void theDeepPartLearnsAThreeWayInteractionThatTheFmAloneCannot() {
        World w = new World();
        // chosen when gender, age group and genre have odd parity: no pairwise term carries any signal about it
        List<DeepFmFeatures.UserFields> users = new ArrayList<>();
        for (int u = 0; u < w.users.size(); u++) {
            users.add(w.user(u));
        }
        Random random = new Random(11);
        int n = 4000;
        int[] user = new int[n];
        int[] rows = new int[n];
        float[] label = new float[n];
        for (int j = 0; j < n; j++) {
            user[j] = random.nextInt(users.size());
            rows[j] = random.nextInt(w.items.size());
            label[j] = truth(user[j], rows[j]) ? 1 : 0;
        }
        RerankExamples train = RerankExamples.of(users, user, rows, new float[n], new float[n], label);
        DeepFmConfig base = DeepFmConfig.defaults().withK(8).withEpochs(15).withDropout(0).withLearningRate(0.01);

        double fmOnly = accuracy(w, users, base.withHidden(), train);
        double deep = accuracy(w, users, base.withHidden(32, 16), train);

        System.out.println("accuracy FM " + fmOnly + " deep " + deep);
        assertThat(fmOnly).as("FM part alone").isLessThan(0.65);
        assertThat(deep).as("with the deep part").isGreaterThan(0.95);
    }

    /** Half the users, independently of gender (even/odd), so the three attributes are balanced. */
    private static boolean young(int user) {
        return (user / 2) % 2 == 0;
    }

    private static boolean truth(int user, int row) {
        boolean male = user % 2 == 0;
        boolean young = young(user);
        boolean genreA = row % 2 == 0;
        return male ^ young ^ genreA;
    }

    /** Accuracy on every (user, item) pair of the world, after training on {@code train}. */
    private static double accuracy(World w, List<DeepFmFeatures.UserFields> users, DeepFmConfig config,
                                   RerankExamples train) {
        ComputationGraph graph = DeepFmGraph.build(w.features, config);
        new DeepFmTraining(config, 10).train(graph, w.features, train);
        DeepFmNet net = DeepFmGraph.export(graph, w.features, config);
        int right = 0;
        int all = 0;
        int[] rows = new int[w.items.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        float[] zeros = new float[rows.length];
        float[] logits = new float[rows.length];
        for (int u = 0; u < users.size(); u++) {
            net.score(net.userState(users.get(u)), rows, zeros, zeros, rows.length, logits);
            for (int i = 0; i < rows.length; i++) {
                right += (logits[i] > 0) == truth(u, i) ? 1 : 0;
                all++;
            }
        }
        return (double) right / all;
    }
}
