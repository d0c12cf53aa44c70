package io.reelfm.core.fm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named features to dense column indices, growing online as new users, items and attribute
 * values appear in the stream. A model sized for an older space keeps working: features past
 * its size simply have zero parameters until a warm-started learner trains them.
 * Not thread-safe while growing; {@link #copy()} gives a learner or a snapshot its own view.
 */
public final class FeatureSpace {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<FeatureGroup> groups = new ArrayList<>();

    /** The column of {@code name} in {@code group}, assigning the next one on first sight. */
    public int indexOf(FeatureGroup group, String name) {
        String key = key(group, name);
        Integer existing = index.get(key);
        if (existing != null) {
            return existing;
        }
        int next = names.size();
        index.put(key, next);
        names.add(name);
        groups.add(group);
        return next;
    }

    /** The column of {@code name} in {@code group}, or -1 when never seen. */
    public int find(FeatureGroup group, String name) {
        return index.getOrDefault(key(group, name), -1);
    }

    public int size() {
        return names.size();
    }

    public String name(int feature) {
        return names.get(feature);
    }

    public FeatureGroup group(int feature) {
        return groups.get(feature);
    }

    /** Group ordinals per column, the lookup learners use for per-group regularisation. */
    public int[] groupOrdinals() {
        int[] g = new int[names.size()];
        for (int j = 0; j < g.length; j++) {
            g[j] = groups.get(j).ordinal();
        }
        return g;
    }

    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    public FeatureSpace copy() {
        FeatureSpace c = new FeatureSpace();
        for (int j = 0; j < names.size(); j++) {
            c.indexOf(groups.get(j), names.get(j));
        }
        return c;
    }

    private static String key(FeatureGroup group, String name) {
        return group.ordinal() + ":" + name;
    }
}
