package io.reelfm.serving.variant;

import java.util.ArrayList;
import java.util.List;

import io.reelfm.service.config.ConfigException;

/**
 * One arm of the A/B experiment: the model it serves and its share of users. Weights are
 * relative, so {@code a:fm-als:1,b:fm-sgd:1} splits users in half.
 */
public record Variant(String name, String model, int weight) {

    public Variant {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("variant name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        if (model == null || model.isBlank() || model.contains("/")) {
            throw new IllegalArgumentException("variant " + name + " model must be non-empty without '/', was '" + model + "'");
        }
        if (weight < 1) {
            throw new IllegalArgumentException("variant " + name + " weight must be >= 1, was " + weight);
        }
    }

    /** Parses {@code name:model:weight[,name:model:weight...]}; errors name the key. */
    public static List<Variant> parseAll(String key, String spec) {
        List<Variant> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] f = part.trim().split(":");
            if (f.length != 3) {
                throw new ConfigException(key, "entry '" + part.trim() + "' must be name:model:weight");
            }
            try {
                out.add(new Variant(f[0].trim(), f[1].trim(), Integer.parseInt(f[2].trim())));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, "entry '" + part.trim() + "': " + e.getMessage(), e);
            }
        }
        return out;
    }
}
