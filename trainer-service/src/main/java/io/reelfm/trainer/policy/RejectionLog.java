package io.reelfm.trainer.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;

import io.reelfm.service.http.Json;
import io.reelfm.trainer.store.AtomicFile;

/**
 * The gate's recent rejections of every model, kept in a JSON file beside the training-state
 * checkpoint so that {@code GET /models} still says why a model stopped moving after the trainer
 * restarts. Written whole after each rejection (a handful of entries per model) with
 * {@link AtomicFile}, so a crash leaves the old file or the new one, never half.
 */
public final class RejectionLog {

    private static final Logger log = LoggerFactory.getLogger(RejectionLog.class);
    static final String FILE = "rejections.json";
    private static final TypeReference<Map<String, List<Rejection>>> TYPE = new TypeReference<>() {
    };

    private final Path file;

    public RejectionLog(Path directory) {
        this.file = directory.resolve(FILE);
    }

    /** Newest first per model name; empty if nothing was saved yet or the file cannot be read. */
    public Map<String, List<Rejection>> load() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(file.toFile(), TYPE);
        } catch (IOException e) {
            log.warn("Ignoring unreadable rejection log {}: {}", file, e.getMessage());
            return Map.of();
        }
    }

    public void save(List<ModelSlot> slots) {
        Map<String, List<Rejection>> all = new LinkedHashMap<>();
        for (ModelSlot s : slots) {
            List<Rejection> r = s.rejections();
            if (!r.isEmpty()) {
                all.put(s.name(), r);
            }
        }
        AtomicFile.write(file, "rejection log", out -> Json.mapper().writeValue(out, all));
    }
}
