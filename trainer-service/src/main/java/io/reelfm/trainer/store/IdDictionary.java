package io.reelfm.trainer.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense 0-based indices for external string ids (users, items), so the training store and the
 * learners work on int arrays. Indices are never reused or removed. Not thread-safe.
 */
public final class IdDictionary {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    public int indexOf(String id) {
        Integer i = index.get(id);
        if (i != null) {
            return i;
        }
        int next = ids.size();
        index.put(id, next);
        ids.add(id);
        return next;
    }

    /** The index of a known id, or -1. */
    public int find(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public String id(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    static IdDictionary read(DataInput in) throws IOException {
        IdDictionary d = new IdDictionary();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            d.indexOf(in.readUTF());
        }
        return d;
    }
}
