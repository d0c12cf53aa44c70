package io.reelfm.trainer.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.reelfm.schemas.ModelManifest;

/**
 * The trainer's view of what is on the snapshot topics: per model, the retained manifests, the
 * active one and the highest version number ever used (including versions whose publication was
 * interrupted, so a number is never reused for different content). Rebuilt from the topics at
 * start by {@link SnapshotTopicsReader}; updated by {@link SnapshotPublisher}. Thread-safe.
 */
public final class PublishedModels {

    private final Map<String, TreeMap<Long, ModelManifest>> manifests = new HashMap<>();
    private final Map<String, ModelManifest> active = new HashMap<>();
    private final Map<String, Long> highestVersion = new HashMap<>();
    private final Map<String, Map<Long, Integer>> orphanChunks = new HashMap<>();

    synchronized void putManifest(ModelManifest m) {
        manifests.computeIfAbsent(m.getModelName(), k -> new TreeMap<>()).put(m.getVersion(), m);
        seeVersion(m.getModelName(), m.getVersion());
        Map<Long, Integer> orphans = orphanChunks.get(m.getModelName());
        if (orphans != null) {
            orphans.remove(m.getVersion());
        }
    }

    synchronized void removeManifest(String model, long version) {
        TreeMap<Long, ModelManifest> m = manifests.get(model);
        if (m != null) {
            m.remove(version);
        }
    }

    synchronized void setActive(ModelManifest m) {
        active.put(m.getModelName(), m);
        seeVersion(m.getModelName(), m.getVersion());
    }

    synchronized void seeVersion(String model, long version) {
        highestVersion.merge(model, version, Math::max);
    }

    /** Records the highest chunk index seen for a version, to find chunks no manifest covers. */
    synchronized void seeChunk(String model, long version, int index) {
        seeVersion(model, version);
        orphanChunks.computeIfAbsent(model, k -> new HashMap<>()).merge(version, index + 1, Math::max);
    }

    synchronized void clearChunk(String model, long version) {
        Map<Long, Integer> orphans = orphanChunks.get(model);
        if (orphans != null) {
            orphans.remove(version);
        }
    }

    /** Versions with chunks on the topic but no manifest: interrupted publications, with their chunk counts. */
    public synchronized Map<Long, Integer> unfinished(String model) {
        Map<Long, Integer> out = new TreeMap<>(orphanChunks.getOrDefault(model, Map.of()));
        manifests.getOrDefault(model, new TreeMap<>()).keySet().forEach(out::remove);
        return out;
    }

    public synchronized long nextVersion(String model) {
        return highestVersion.getOrDefault(model, 0L) + 1;
    }

    public synchronized Optional<ModelManifest> active(String model) {
        return Optional.ofNullable(active.get(model));
    }

    /** Retained manifests, newest first. */
    public synchronized List<ModelManifest> versions(String model) {
        List<ModelManifest> out = new ArrayList<>(manifests.getOrDefault(model, new TreeMap<>()).values());
        out.sort(Comparator.comparingLong(ModelManifest::getVersion).reversed());
        return out;
    }

    public synchronized List<String> models() {
        List<String> names = new ArrayList<>(manifests.keySet());
        active.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        names.sort(null);
        return names;
    }
}
