package io.reelfm.trainer.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.reelfm.core.fm.FmModel;
import io.reelfm.core.fm.FmModelIo;
import io.reelfm.trainer.model.FmFitter;
import io.reelfm.trainer.store.AtomicFile;

/**
 * Each FM model's full parameters (user rows included, which a snapshot leaves out), saved beside
 * the training-state checkpoint and at the same moments, so that after a restart the first fit
 * is warm-started from where the last one ended instead of from random factors. The ranking
 * model refits from scratch in seconds and keeps nothing here. One
 * {@link FmModelIo} file per model under {@code models/}, written with {@link AtomicFile}. A missing or unreadable file only means a cold first fit.
 */
public final class FittedModels {

    private static final Logger log = LoggerFactory.getLogger(FittedModels.class);

    private final Path directory;

    public FittedModels(Path checkpointDirectory) {
        this.directory = checkpointDirectory.resolve("models");
    }

    Path file(String model) {
        return directory.resolve(model + ".fm");
    }

    public void save(List<ModelSlot> slots) {
        for (ModelSlot s : slots) {
            FmModel m = s.fitter() instanceof FmFitter fm ? fm.model() : null;
            if (m == null) {
                continue;
            }
            AtomicFile.write(file(s.name()), "fitted model", out -> FmModelIo.write(m, out));
        }
    }

    /** Gives every FM slot with a saved model that model as the start of its next fit; returns how many. */
    public int restore(List<ModelSlot> slots) {
        int restored = 0;
        for (ModelSlot s : slots) {
            Path f = file(s.name());
            if (!(s.fitter() instanceof FmFitter fm) || !Files.isRegularFile(f)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f)) {
                fm.restore(FmModelIo.read(in));
                restored++;
            } catch (IOException | RuntimeException e) {
                log.warn("Model {} starts cold: its saved parameters {} cannot be used ({})", s.name(), f, e.getMessage());
            }
        }
        return restored;
    }
}
