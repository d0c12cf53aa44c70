package io.reelfm.core.deepfm;

import java.util.Arrays;

/**
 * The deep part of a {@link DeepFmNet}: its dense layers, checked once so the forward pass can
 * index them freely. The first layer is kept apart from the rest because it is fed field by
 * field ({@link #addField}): user fields once per list, item fields once per network, so only the
 * layers above it ({@link #deep}) run once per candidate.
 */
final class DenseLayers {

    private final int k;
    /** Layer widths: F*k, hidden..., 1. */
    private final int[] widths;
    /** Per layer: in x out, row-major by input. */
    private final float[][] weights;
    private final float[][] biases;

    DenseLayers(int k, float[][] weights, float[][] biases) {
        if (weights.length == 0 || weights.length != biases.length) {
            throw new IllegalArgumentException("the deep part needs at least one layer and a bias per layer");
        }
        int[] w = new int[weights.length + 1];
        w[0] = Field.values().length * k;
        for (int l = 0; l < weights.length; l++) {
            w[l + 1] = biases[l].length;
            if (weights[l].length != w[l] * w[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " weights for "
                        + w[l] + " x " + w[l + 1]);
            }
        }
        if (w[w.length - 1] != 1) {
            throw new IllegalArgumentException("the last layer must have one output, has " + w[w.length - 1]);
        }
        this.k = k;
        this.widths = w;
        this.weights = weights;
        this.biases = biases;
    }

    /** Width of the first layer, the one fed field by field. */
    int firstWidth() {
        return widths[1];
    }

    /** The widest layer, input included: the size of {@link #deep}'s scratch arrays. */
    int maxWidth() {
        return Arrays.stream(widths).max().orElse(1);
    }

    /** Hidden layer widths, bottom up. */
    int[] hidden() {
        return Arrays.copyOfRange(widths, 1, widths.length - 1);
    }

    int count() {
        return weights.length;
    }

    float[] weights(int layer) {
        return weights[layer];
    }

    float[] biases(int layer) {
        return biases[layer];
    }

    /** Adds field f's embedding times its block of the first layer's weights into {@code h[offset..]}. */
    void addField(Field f, float[] e, float[] h, int offset) {
        int out = widths[1];
        float[] w = weights[0];
        int base = f.ordinal() * k;
        for (int c = 0; c < k; c++) {
            float x = e[c];
            if (x == 0f) {
                continue;
            }
            int rowBase = (base + c) * out;
            for (int o = 0; o < out; o++) {
                h[offset + o] += x * w[rowBase + o];
            }
        }
    }

    /** The layers above the first, from the first layer's pre-activation {@code h}; a and b are scratch. */
    float deep(float[] h, float[] a, float[] b) {
        int width = widths[1];
        for (int i = 0; i < width; i++) {
            a[i] = Math.max(0f, h[i]);
        }
        for (int l = 1; l < weights.length; l++) {
            int in = widths[l];
            int outW = widths[l + 1];
            float[] w = weights[l];
            System.arraycopy(biases[l], 0, b, 0, outW);
            for (int i = 0; i < in; i++) {
                float x = a[i];
                if (x == 0f) {
                    continue;
                }
                int base = i * outW;
                for (int o = 0; o < outW; o++) {
                    b[o] += x * w[base + o];
                }
            }
            boolean last = l == weights.length - 1;
            for (int o = 0; o < outW; o++) {
                a[o] = last ? b[o] : Math.max(0f, b[o]);
            }
        }
        return weights.length == 1 ? h[0] : a[0];
    }
}
