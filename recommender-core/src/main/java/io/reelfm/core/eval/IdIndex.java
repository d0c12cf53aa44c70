package io.reelfm.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps external string ids (MovieLens "196", a UUID) to dense indices 0..n-1 in first-seen
 * order, so train and test files read one after the other share one index space.
 * Not thread-safe: built by one loader, then only read.
 */
public final class IdIndex {

    private final Map<String, Integer> toIndex = new HashMap<>();
    private final List<String> toId = new ArrayList<>();

    /** The index of {@code id}, assigning the next free one on first sight. */
    public int indexOf(String id) {
        Integer existing = toIndex.get(id);
        if (existing != null) {
            return existing;
        }
        int next = toId.size();
        toIndex.put(id, next);
        toId.add(id);
        return next;
    }

    /** The index of {@code id}, or -1 when it was never seen. */
    public int find(String id) {
        return toIndex.getOrDefault(id, -1);
    }

    public String id(int index) {
        return toId.get(index);
    }

    public int size() {
        return toId.size();
    }
}
