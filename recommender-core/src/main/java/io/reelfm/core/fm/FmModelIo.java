package io.reelfm.core.fm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Compact binary form of an {@link FmModel}: a magic number and a format version first, so a
 * reader refuses a foreign or newer file with a clear message instead of misreading floats; then
 * scale, task, k, w0, the fold-in prior, the feature space (group + name per feature) and the
 * parameters as raw big-endian floats; from version 2 on, the sampled item-side constants of an
 * MCMC model when it has them. Version 1 files still load (without those constants).
 */
public final class FmModelIo {

    /** "RFM" + 0x01. */
    public static final int MAGIC = 0x52464D01;
    public static final int VERSION = 2;

    private FmModelIo() {
    }

    public static void write(FmModel m, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(out));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeByte(m.task().ordinal());
        d.writeInt(m.k());
        d.writeFloat(m.minTarget());
        d.writeFloat(m.maxTarget());
        d.writeFloat(m.globalBias());
        FoldInPrior p = m.foldInPrior();
        d.writeFloat(p.ridgeW());
        d.writeFloat(p.meanW());
        d.writeBoolean(p.perRating());
        for (float v : p.meanV()) {
            d.writeFloat(v);
        }
        for (float r : p.ridgeV()) {
            d.writeFloat(r);
        }
        FeatureSpace space = m.space();
        int n = m.numFeatures();
        d.writeInt(n);
        d.writeBoolean(space != null);
        if (space != null) {
            for (int j = 0; j < n; j++) {
                d.writeByte(space.group(j).ordinal());
                d.writeUTF(space.name(j));
            }
        }
        for (float w : m.weightsCopy()) {
            d.writeFloat(w);
        }
        for (float v : m.factorsCopy()) {
            d.writeFloat(v);
        }
        float[] variance = m.factorVarianceCopy();
        d.writeBoolean(variance != null);
        if (variance != null) {
            for (float x : variance) {
                d.writeFloat(x);
            }
        }
        float[] itemSide = m.itemSideBiasCopy();
        d.writeBoolean(itemSide != null);
        if (itemSide != null) {
            for (float x : itemSide) {
                d.writeFloat(x);
            }
        }
        d.flush();
    }

    public static FmModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in));
        int magic = d.readInt();
        if (magic != MAGIC) {
            throw new IOException("not an FM model: magic 0x" + Integer.toHexString(magic));
        }
        int version = d.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException("unsupported FM model version " + version + " (this reader knows " + VERSION + ")");
        }
        int task = d.readByte();
        if (task < 0 || task >= FmTask.values().length) {
            throw new IOException("task: unknown ordinal " + task);
        }
        int k = d.readInt();
        if (k < 0 || k > 100_000) {
            throw new IOException("k: implausible value " + k);
        }
        float min = d.readFloat();
        float max = d.readFloat();
        float w0 = d.readFloat();
        float ridgeW = d.readFloat();
        float meanW = d.readFloat();
        boolean perRating = d.readBoolean();
        float[] meanV = new float[k];
        for (int f = 0; f < k; f++) {
            meanV[f] = d.readFloat();
        }
        float[] ridgeV = new float[k];
        for (int f = 0; f < k; f++) {
            ridgeV[f] = d.readFloat();
        }
        int n = d.readInt();
        if (n < 0) {
            throw new IOException("numFeatures: negative " + n);
        }
        FeatureSpace space = null;
        if (d.readBoolean()) {
            space = new FeatureSpace();
            FeatureGroup[] groups = FeatureGroup.values();
            for (int j = 0; j < n; j++) {
                space.indexOf(groups[d.readByte()], d.readUTF());
            }
        }
        float[] w = new float[n];
        for (int j = 0; j < n; j++) {
            w[j] = d.readFloat();
        }
        float[] v = new float[n * k];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.readFloat();
        }
        float[] variance = null;
        if (d.readBoolean()) {
            variance = new float[n * k];
            for (int i = 0; i < variance.length; i++) {
                variance[i] = d.readFloat();
            }
        }
        FmModel m = new FmModel(FmTask.values()[task], k, w0, w, v, space, min, max,
                new FoldInPrior(ridgeW, ridgeV, meanW, meanV, perRating), variance);
        if (version >= 2 && d.readBoolean()) {
            float[] itemSide = new float[n];
            for (int j = 0; j < n; j++) {
                itemSide[j] = d.readFloat();
            }
            m = m.withItemSideBias(itemSide);
        }
        return m;
    }
}
