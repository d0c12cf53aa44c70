package io.reelfm.core.deepfm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The {@code DFM1} byte format of a {@link DeepFmNet}, with its feature layout: what a ranking
 * snapshot carries from the trainer to serving. Kept apart from the network so the format, and
 * the checks that turn a malformed payload into a clear error, are read in one place.
 */
final class DeepFmNetCodec {

    static final int MAGIC = 0x44464D31; // "DFM1"

    private DeepFmNetCodec() {
    }

    static byte[] encode(DeepFmNet net) {
        FieldTables tables = net.tables();
        DenseLayers layers = net.layers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(net.k());
            out.writeInt(net.candidates());
            DeepFmFeaturesCodec.write(net.features(), out);
            for (Field f : Field.values()) {
                writeFloats(out, tables.embeddings(f));
                writeFloats(out, tables.linear(f));
            }
            out.writeInt(layers.count());
            for (int l = 0; l < layers.count(); l++) {
                writeFloats(out, layers.weights(l));
                writeFloats(out, layers.biases(l));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static DeepFmNet decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a DeepFM network (magic DFM1 expected)");
            }
            int k = in.readInt();
            int candidates = in.readInt();
            if (k < 1 || k > 1024) {
                throw new IllegalArgumentException("DeepFM embedding size " + k + " outside 1..1024");
            }
            DeepFmFeatures features = DeepFmFeaturesCodec.read(in);
            Field[] fields = Field.values();
            float[][] emb = new float[fields.length][];
            float[][] lin = new float[fields.length][];
            for (Field f : fields) {
                emb[f.ordinal()] = readFloats(in);
                lin[f.ordinal()] = readFloats(in);
            }
            int layers = in.readInt();
            if (layers < 1 || layers > 64) {
                throw new IllegalArgumentException("DeepFM layer count " + layers + " outside 1..64");
            }
            float[][] w = new float[layers][];
            float[][] b = new float[layers][];
            for (int l = 0; l < layers; l++) {
                w[l] = readFloats(in);
                b[l] = readFloats(in);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("DeepFM network has " + in.available() + " unexpected trailing bytes");
            }
            return new DeepFmNet(features, k, candidates, emb, lin, w, b);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated DeepFM network: " + e.getMessage(), e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * Float.BYTES > in.available()) {
            throw new IllegalArgumentException("DeepFM array of " + n + " floats does not fit the remaining bytes");
        }
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = in.readFloat();
        }
        return out;
    }
}
