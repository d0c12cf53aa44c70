package io.reelfm.core.eval.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Named hyperparameters, each with its candidate values (as strings, parsed by the trainer
 * factory), in insertion order. Expands to every combination (grid) or to a seeded random
 * sample of distinct combinations.
 */
public final class ParameterSpace {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public ParameterSpace add(String name, List<String> candidates) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name is empty");
        }
        if (candidates == null || candidates.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " has no candidate values");
        }
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " added twice");
        }
        values.put(name, List.copyOf(candidates));
        return this;
    }

    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Number of combinations in the full grid. */
    public long size() {
        long size = 1;
        for (List<String> v : values.values()) {
            size = Math.multiplyExact(size, v.size());
        }
        return size;
    }

    /** Every combination, the last parameter varying fastest. */
    public List<Map<String, String>> grid() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : e.getValue()) {
                    Map<String, String> combo = new LinkedHashMap<>(partial);
                    combo.put(e.getKey(), v);
                    next.add(combo);
                }
            }
            out = next;
        }
        return out.stream().map(Map::copyOf).map(m -> ordered(m)).toList();
    }

    /** {@code trials} distinct combinations drawn uniformly with {@code seed} (all of them if the grid is smaller). */
    public List<Map<String, String>> random(int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        if (trials >= size()) {
            return grid();
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Map<String, String>> seen = new HashSet<>();
        List<Map<String, String>> out = new ArrayList<>();
        while (out.size() < trials) {
            Map<String, String> combo = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                combo.put(e.getKey(), e.getValue().get(random.nextInt(e.getValue().size())));
            }
            if (seen.add(combo)) {
                out.add(combo);
            }
        }
        return out;
    }

    private Map<String, String> ordered(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            out.put(name, m.get(name));
        }
        return out;
    }
}
