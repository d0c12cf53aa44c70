package io.reelfm.launcher.replay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns string ids into dense ints (0, 1, 2, ... in order of first sight), so column arrays
 * can hold an id in four bytes and each distinct string is kept once.
 */
final class IdDictionary {

    private final Map<String, Integer> index = new HashMap<>();
    private String[] ids = new String[1024];
    private int size;

    /** The id's number, assigning the next one on first sight. */
    int intern(String id) {
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = id;
        index.put(id, size);
        return size++;
    }

    String id(int number) {
        return ids[number];
    }
}
