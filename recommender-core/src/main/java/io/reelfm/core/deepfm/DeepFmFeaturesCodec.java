package io.reelfm.core.deepfm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte form of a {@link DeepFmFeatures} inside a network's {@code DFM1} payload. The layout
 * travels with the network so serving encodes exactly as training did; reading it checks every
 * item's columns against its fields, since a payload that points outside them would only fail
 * later, deep inside scoring.
 */
final class DeepFmFeaturesCodec {

    private DeepFmFeaturesCodec() {
    }

    static void write(DeepFmFeatures features, DataOutputStream out) throws IOException {
        out.writeInt(features.items());
        for (int i = 0; i < features.items(); i++) {
            out.writeUTF(features.itemId(i));
            out.writeInt(features.historyColumn(i));
            out.writeShort(features.decade(i));
            int[] genres = features.genres(i);
            out.writeShort(genres.length);
            for (int g : genres) {
                out.writeShort(g);
            }
        }
        writeStrings(out, features.genreNames());
        out.writeInt(features.decades());
        writeStrings(out, features.genderNames());
        writeStrings(out, features.occupationNames());
    }

    static DeepFmFeatures read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) {
            throw new IllegalArgumentException("DeepFM item count " + n + " is not plausible");
        }
        String[] ids = new String[n];
        int[] column = new int[n];
        int[] decade = new int[n];
        int[][] genres = new int[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = in.readUTF();
            column[i] = in.readInt();
            decade[i] = in.readUnsignedShort();
            genres[i] = new int[in.readUnsignedShort()];
            for (int g = 0; g < genres[i].length; g++) {
                genres[i][g] = in.readUnsignedShort();
            }
        }
        String[] genreNames = readStrings(in);
        int decades = in.readInt();
        DeepFmFeatures f = new DeepFmFeatures(ids, column, genreNames, genres, decade, decades, readStrings(in),
                readStrings(in));
        for (int i = 0; i < n; i++) {
            if (decade[i] > decades || column[i] >= f.size(Field.HISTORY)) {
                throw new IllegalArgumentException("DeepFM item " + ids[i] + " has columns outside its fields");
            }
            for (int g : genres[i]) {
                if (g >= f.size(Field.GENRES)) {
                    throw new IllegalArgumentException("DeepFM item " + ids[i] + " has genre " + g + " outside its field");
                }
            }
        }
        return f;
    }

    private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IllegalArgumentException("DeepFM vocabulary size " + n + " is not plausible");
        }
        List<String> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            out.add(in.readUTF());
        }
        return out.toArray(String[]::new);
    }
}
