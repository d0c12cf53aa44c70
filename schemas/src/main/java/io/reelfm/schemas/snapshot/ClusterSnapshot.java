package io.reelfm.schemas.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Payload of a {@code kind = kmeans} model version: the catalogue clustered on content and
 * rating statistics. Carries the centroids (so serving can place a new item), every item's
 * cluster and a human-readable description per cluster. Immutable by convention.
 *
 * <p>Format {@code RKM1} (big-endian): magic, format version, dimensions, feature names,
 * cluster count, per cluster its centroid, size, label, top genres and mean rating, then the
 * item count and per item its id and cluster. Format version 2 appends each item's coordinates
 * in the space k-means clustered (the PCA projection): their dimension, then one row per item,
 * so serving can rank a cluster's members by closeness to a movie. Version 1 payloads still
 * read, with no coordinates.
 *
 * @param coordinates per item (in {@code itemIds} order) its point in the clustering space;
 *                    empty when the payload predates them
 */
public record ClusterSnapshot(List<String> featureNames, float[][] centroids, List<Cluster> clusters,
                              String[] itemIds, int[] assignments, float[][] coordinates) {

    private static final int MAGIC = 0x524b4d31;
    private static final int FORMAT = 2;
    private static final int FORMAT_WITHOUT_COORDINATES = 1;

    public ClusterSnapshot {
        featureNames = List.copyOf(featureNames);
        clusters = List.copyOf(clusters);
        if (centroids.length != clusters.size() || itemIds.length != assignments.length) {
            throw new IllegalArgumentException("cluster arrays disagree: " + centroids.length + " centroids, "
                    + clusters.size() + " descriptions, " + itemIds.length + " ids, " + assignments.length + " assignments");
        }
        if (coordinates.length != 0 && coordinates.length != itemIds.length) {
            throw new IllegalArgumentException("coordinates for " + coordinates.length + " items, but " + itemIds.length + " ids");
        }
    }

    /** Whether items carry coordinates (payloads of format 2 and later). */
    public boolean hasCoordinates() {
        return coordinates.length > 0;
    }

    /** One cluster's description. */
    public record Cluster(int size, String label, List<String> topGenres, float meanRating) {
        public Cluster {
            topGenres = List.copyOf(topGenres);
        }
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(featureNames.size());
            for (String f : featureNames) {
                out.writeUTF(f);
            }
            out.writeInt(centroids.length);
            for (int c = 0; c < centroids.length; c++) {
                for (int d = 0; d < featureNames.size(); d++) {
                    out.writeFloat(centroids[c][d]);
                }
                Cluster cl = clusters.get(c);
                out.writeInt(cl.size());
                out.writeUTF(cl.label());
                out.writeInt(cl.topGenres().size());
                for (String g : cl.topGenres()) {
                    out.writeUTF(g);
                }
                out.writeFloat(cl.meanRating());
            }
            out.writeInt(itemIds.length);
            for (int i = 0; i < itemIds.length; i++) {
                out.writeUTF(itemIds[i]);
                out.writeInt(assignments[i]);
            }
            int dims = hasCoordinates() ? coordinates[0].length : 0;
            out.writeInt(dims);
            for (float[] point : hasCoordinates() ? coordinates : new float[0][]) {
                for (int d = 0; d < dims; d++) {
                    out.writeFloat(point[d]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ClusterSnapshot fromBytes(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("payload is not an RKM1 cluster snapshot");
            }
            int format = in.readInt();
            if (format != FORMAT && format != FORMAT_WITHOUT_COORDINATES) {
                throw new IllegalArgumentException("unsupported cluster snapshot format " + format);
            }
            int dims = in.readInt();
            List<String> names = new ArrayList<>(dims);
            for (int d = 0; d < dims; d++) {
                names.add(in.readUTF());
            }
            int k = in.readInt();
            float[][] centroids = new float[k][dims];
            List<Cluster> clusters = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < dims; d++) {
                    centroids[c][d] = in.readFloat();
                }
                int size = in.readInt();
                String label = in.readUTF();
                int g = in.readInt();
                List<String> genres = new ArrayList<>(g);
                for (int j = 0; j < g; j++) {
                    genres.add(in.readUTF());
                }
                clusters.add(new Cluster(size, label, genres, in.readFloat()));
            }
            int n = in.readInt();
            String[] ids = new String[n];
            int[] assignments = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.readUTF();
                assignments[i] = in.readInt();
            }
            float[][] coordinates = new float[0][];
            if (format >= FORMAT) {
                int pointDims = in.readInt();
                coordinates = pointDims == 0 ? coordinates : new float[n][pointDims];
                for (int i = 0; pointDims > 0 && i < n; i++) {
                    for (int d = 0; d < pointDims; d++) {
                        coordinates[i][d] = in.readFloat();
                    }
                }
            }
            return new ClusterSnapshot(names, centroids, clusters, ids, assignments, coordinates);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated cluster snapshot: " + e.getMessage(), e);
        }
    }
}
