package io.reelfm.serving.model;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.schemas.ModelManifest;
import io.reelfm.schemas.snapshot.SnapshotAssembler;

/**
 * The one component that swaps models, on its own thread: it watches the active pointer of each
 * served model, and when the pointer names a version it has not loaded, assembles that version's
 * chunks, verifies count, size and SHA-256 against the manifest, parses it and publishes it in
 * {@link ModelRegistry}. An incomplete version is retried on the next poll (its chunks may still
 * be arriving); a corrupt one is logged once and skipped, and the previous version stays in
 * service.
 */
public final class ModelLoader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    /** The longest pause between attempts while loading keeps failing. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Failures retried at the plain poll interval before backing off. */
    static final int PATIENT_FAILURES = 20;

    private final List<String> models;
    private final SnapshotSource source;
    private final ModelRegistry registry;
    private final Duration pollInterval;
    private final Map<String, Long> loaded = new HashMap<>();
    private final Set<String> rejected = new HashSet<>();
    private Thread thread;
    private volatile boolean running;

    public ModelLoader(List<String> models, SnapshotSource source, ModelRegistry registry, Duration pollInterval) {
        this.models = List.copyOf(models);
        this.source = source;
        this.registry = registry;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "model-loader");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                pollOnce();
                if (failures > 0) {
                    log.info("Model loading works again after {} failed attempts", failures);
                }
                failures = 0;
            } catch (InvalidStateStoreException e) {
                failures++;
                logFailure(failures, "Model stores are not available: " + e.getMessage(), null);
            } catch (RuntimeException e) {
                failures++;
                logFailure(failures, "Model loading failed: " + e, e);
            }
            try {
                Thread.sleep(delay(pollInterval, failures).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The pause before the next attempt: the poll interval while things work and for the first
     * {@link #PATIENT_FAILURES} failures (stores are unavailable for a while at every start), then
     * doubling with each consecutive failure up to {@link #MAX_BACKOFF}, so a broken store
     * (Streams in ERROR, say) costs a log line now and then rather than several a second.
     */
    static Duration delay(Duration pollInterval, int failures) {
        if (failures <= PATIENT_FAILURES) {
            return pollInterval;
        }
        long factor = 1L << Math.min(failures - PATIENT_FAILURES, 16);
        long millis = Math.min(MAX_BACKOFF.toMillis(), pollInterval.toMillis() * factor);
        return Duration.ofMillis(Math.max(pollInterval.toMillis(), millis));
    }

    /** First failure with its stack trace (if unexpected), then one line at each power of two. */
    private static void logFailure(int failures, String message, RuntimeException e) {
        if (failures == 1 && e != null) {
            log.error("{}; retrying with back-off", message, e);
        } else if (Integer.bitCount(failures) == 1 && failures > PATIENT_FAILURES) {
            log.warn("{} ({} attempts in a row); retrying with back-off", message, failures);
        } else {
            log.debug("{} ({} attempts in a row)", message, failures);
        }
    }

    /** One check of every served model; returns how many versions were swapped in. */
    public int pollOnce() {
        int swapped = 0;
        for (String model : models) {
            Optional<ModelManifest> active = source.active(model);
            if (active.isEmpty()) {
                continue;
            }
            ModelManifest m = active.get();
            String id = model + "/" + m.getVersion();
            Long current = loaded.get(model);
            if ((current != null && current == m.getVersion()) || rejected.contains(id)) {
                continue;
            }
            if (load(m)) {
                swapped++;
            }
        }
        return swapped;
    }

    private boolean load(ModelManifest m) {
        String id = m.getModelName() + "/" + m.getVersion();
        SnapshotAssembler assembler = new SnapshotAssembler();
        source.chunks(m.getModelName(), m.getVersion(), assembler::accept);
        SnapshotAssembler.Assembly assembly = assembler.assemble(m);
        switch (assembly.status()) {
            case INCOMPLETE -> {
                log.debug("Waiting for {}: {}", id, assembly.detail());
                return false;
            }
            case CORRUPT -> {
                rejected.add(id);
                log.error("Rejected model {}: {}", id, assembly.detail());
                return false;
            }
            default -> {
            }
        }
        try {
            switch (m.getKind()) {
                case "fm" -> {
                    FactorModel model = FactorModel.fromPayload(m, assembly.payload());
                    registry.publish(model);
                    log.info("Serving model {} ({} items, k={})", id, model.items(), model.k());
                }
                case "kmeans" -> {
                    ClusterModel model = ClusterModel.fromPayload(m, assembly.payload());
                    registry.publishClusters(model);
                    log.info("Serving cluster model {} ({} clusters)", id, model.snapshot().clusters().size());
                }
                default -> {
                    rejected.add(id);
                    log.error("Rejected model {}: kind '{}' is not served (expected fm or kmeans)", id, m.getKind());
                    return false;
                }
            }
            loaded.put(m.getModelName(), m.getVersion());
            return true;
        } catch (IllegalArgumentException e) {
            rejected.add(id);
            log.error("Rejected model {}: {}", id, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
