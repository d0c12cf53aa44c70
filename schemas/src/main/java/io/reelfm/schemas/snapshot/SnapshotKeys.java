package io.reelfm.schemas.snapshot;

import java.util.Optional;

/**
 * The record keys of the snapshot topics, in one place so the trainer (writer) and serving
 * (reader) cannot disagree: chunks are keyed {@code <model>/<version>/<index>}, manifests
 * {@code <model>/<version>} and the active pointer {@code <model>}. Model names may not contain
 * {@code /}.
 */
public final class SnapshotKeys {

    private SnapshotKeys() {
    }

    public static String chunk(String model, long version, int index) {
        return checkName(model) + '/' + version + '/' + index;
    }

    public static String manifest(String model, long version) {
        return checkName(model) + '/' + version;
    }

    public static String active(String model) {
        return checkName(model);
    }

    /** Parses a chunk key; empty when the key does not have the chunk shape. */
    public static Optional<ChunkKey> parseChunk(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChunkKey(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Parses a manifest key; empty when the key does not have the manifest shape. */
    public static Optional<VersionKey> parseManifest(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VersionKey(parts[0], Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A model name is a key segment: non-empty and without {@code /}. */
    public static String checkName(String model) {
        if (model == null || model.isEmpty() || model.indexOf('/') >= 0) {
            throw new IllegalArgumentException("modelName must be non-empty and contain no '/', was '" + model + "'");
        }
        return model;
    }

    public record ChunkKey(String model, long version, int index) {
    }

    public record VersionKey(String model, long version) {
    }
}
