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
    private final Map<String, Map<Long, java.util.TreeSet<Integer>>> liveChunks = new HashMap<>();

    synchronized void putManifest(ModelManifest m) {
        manifests.computeIfAbsent(m.getModelName(), k -> new TreeMap<>()).put(m.getVersion(), m);
        seeVersion(m.getModelName(), m.getVersion());
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

    /** Records a live chunk, to find chunks no manifest covers. */
    synchronized void seeChunk(String model, long version, int index) {
        seeVersion(model, version);
        liveChunks.computeIfAbsent(model, k -> new HashMap<>()).computeIfAbsent(version, v -> new java.util.TreeSet<>()).add(index);
    }

    /** Records a chunk tombstone. */
    synchronized void dropChunk(String model, long version, int index) {
        Map<Long, java.util.TreeSet<Integer>> versions = liveChunks.get(model);
        if (versions != null && versions.containsKey(version)) {
            versions.get(version).remove(index);
            if (versions.get(version).isEmpty()) {
                versions.remove(version);
            }
        }
    }

    /**
     * Versions with live chunks on the topic but no manifest (interrupted publications), each
     * with one past its highest live chunk index.
     */
    public synchronized Map<Long, Integer> unfinished(String model) {
        Map<Long, Integer> out = new TreeMap<>();
        liveChunks.getOrDefault(model, Map.of()).forEach((v, idx) -> out.put(v, idx.last() + 1));
        manifests.getOrDefault(model, new TreeMap<>()).keySet().forEach(out::remove);
        Optional.ofNullable(active.get(model)).ifPresent(a -> out.remove(a.getVersion()));
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
