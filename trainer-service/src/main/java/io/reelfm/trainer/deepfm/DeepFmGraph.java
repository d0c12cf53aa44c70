package io.reelfm.trainer.deepfm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import io.reelfm.core.deepfm.DeepFmConfig;
import io.reelfm.core.deepfm.DeepFmFeatures;
import io.reelfm.core.deepfm.DeepFmNet;
import io.reelfm.core.deepfm.Field;

/**
 * The DeepFM network as a DL4J {@link ComputationGraph}, and its export to recommender-core's
 * {@link DeepFmNet}. One input per {@link Field}, each a dense row over the field's columns
 * (one-hot for ids, weighted multi-hot for sets); per field an embedding vertex {@code e_<field>} (size k, no bias) and a
 * first-order vertex {@code l_<field>} (size 1, no bias); the FM vertex pairs every two fields'
 * embeddings ({@link #addPairwise}); the deep part is ReLU layers {@code h0, h1, ...} over
 * the embeddings concatenated in field order and a linear {@code deep} output that carries the
 * bias; the three are added into one logit and trained with a sigmoid cross-entropy.
 */
public final class DeepFmGraph {

    /** Input names in {@link Field} order. */
    public static String input(Field f) {
        return f.name().toLowerCase(Locale.ROOT);
    }

    private DeepFmGraph() {
    }

    /** A freshly initialised network for these features and settings. */
    public static ComputationGraph build(DeepFmFeatures features, DeepFmConfig config) {
        int k = config.k();
        WeightInitDistribution small = new WeightInitDistribution(new NormalDistribution(0, 0.01));
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(config.learningRate()))
                .l2(config.l2())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder();
        Field[] fields = Field.values();
        String[] inputs = new String[fields.length];
        String[] embeddings = new String[fields.length];
        String[] linear = new String[fields.length];
        for (Field f : fields) {
            inputs[f.ordinal()] = input(f);
        }
        // every size is set explicitly: DL4J's type inference would size the id tables from their one input column
        g.addInputs(inputs);
        for (Field f : fields) {
            int columns = features.size(f);
            embeddings[f.ordinal()] = "e_" + input(f);
            linear[f.ordinal()] = "l_" + input(f);
            g.addLayer(embeddings[f.ordinal()], table(f, columns, k, small), input(f));
            g.addLayer(linear[f.ordinal()], table(f, columns, 1, small), input(f));
        }
        addPairwise(g, embeddings, k);
        g.addVertex("linear", new ElementWiseVertex(ElementWiseVertex.Op.Add), linear);
        g.addVertex("concat", new MergeVertex(), embeddings);
        String below = "concat";
        int[] hidden = config.hidden();
        int width = fields.length * k;
        for (int l = 0; l < hidden.length; l++) {
            DenseLayer.Builder layer = new DenseLayer.Builder().nIn(width).nOut(hidden[l]).activation(Activation.RELU)
                    .weightInit(WeightInit.RELU);
            if (l > 0 && config.dropout() > 0) {
                layer.dropOut(1 - config.dropout()); // DL4J's argument is the probability of keeping a unit
            }
            g.addLayer("h" + l, layer.build(), below);
            below = "h" + l;
            width = hidden[l];
        }
        DenseLayer.Builder deep = new DenseLayer.Builder().nIn(width).nOut(1).activation(Activation.IDENTITY)
                .weightInit(WeightInit.XAVIER);
        if (hidden.length > 0 && config.dropout() > 0) {
            deep.dropOut(1 - config.dropout());
        }
        g.addLayer("deep", deep.build(), below);
        g.addVertex("logit", new ElementWiseVertex(ElementWiseVertex.Op.Add), "fm", "linear", "deep");
        g.addLayer("out", new LossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build(),
                "logit");
        g.setOutputs("out");
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    /**
     * A field's table as a dense layer without bias over the field's columns: one-hot for an id, weighted
     * multi-hot for a set, so every field is the same kind of input and the same matrix product, exactly the
     * weighted sum of rows the exported network computes. (DL4J's EmbeddingLayer, which takes the ids
     * themselves, trained MovieLens 100K no faster here: 5 to 7 seconds an epoch either way.)
     */
    private static org.deeplearning4j.nn.conf.layers.Layer table(Field f, int columns, int width,
                                                                 WeightInitDistribution init) {
        return new DenseLayer.Builder().nIn(columns).nOut(width).hasBias(false).activation(Activation.IDENTITY)
                .weightInit(init).build();
    }

    /** The trained graph's weights as recommender-core's network (the forward pass serving runs). */
    public static DeepFmNet export(ComputationGraph graph, DeepFmFeatures features, DeepFmConfig config) {
        Field[] fields = Field.values();
        float[][] embeddings = new float[fields.length][];
        float[][] linear = new float[fields.length][];
        for (Field f : fields) {
            embeddings[f.ordinal()] = flat(graph.getLayer("e_" + input(f)).getParam("W"));
            linear[f.ordinal()] = flat(graph.getLayer("l_" + input(f)).getParam("W"));
        }
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        int[] hidden = config.hidden();
        for (int l = 0; l <= hidden.length; l++) {
            String name = l < hidden.length ? "h" + l : "deep";
            weights.add(flat(graph.getLayer(name).getParam("W")));
            biases.add(flat(graph.getLayer(name).getParam("b")));
        }
        return new DeepFmNet(features, config.k(), config.candidates(), embeddings, linear,
                weights.toArray(float[][]::new), biases.toArray(float[][]::new));
    }

    private static float[] flat(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector();
    }

    /**
     * The FM part over the field embeddings, {@code 1/2 sum_c [(sum_f e_f,c)^2 - sum_f e_f,c^2]} (the sum of
     * the dot products of every pair of fields), from DL4J's element-wise vertices; the final sum over c
     * is a frozen layer of constant weights 1/2, which passes gradients down but never learns.
     */
    static void addPairwise(ComputationGraphConfiguration.GraphBuilder g, String[] embeddings, int k) {
        g.addVertex("fm_sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), embeddings);
        g.addVertex("fm_sum_sq", new ElementWiseVertex(ElementWiseVertex.Op.Product), "fm_sum", "fm_sum");
        String[] squares = new String[embeddings.length];
        for (int f = 0; f < embeddings.length; f++) {
            squares[f] = "fm_sq_" + embeddings[f];
            g.addVertex(squares[f], new ElementWiseVertex(ElementWiseVertex.Op.Product), embeddings[f], embeddings[f]);
        }
        g.addVertex("fm_sq_sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), squares);
        g.addVertex("fm_pairs", new ElementWiseVertex(ElementWiseVertex.Op.Subtract), "fm_sum_sq", "fm_sq_sum");
        g.addLayer("fm", new FrozenLayerWithBackprop(new DenseLayer.Builder().nIn(k).nOut(1).hasBias(false)
                .activation(Activation.IDENTITY).weightInit(new WeightInitConstant(0.5)).build()), "fm_pairs");
    }
}
