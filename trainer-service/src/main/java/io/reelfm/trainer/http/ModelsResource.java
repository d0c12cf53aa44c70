package io.reelfm.trainer.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.schemas.ModelManifest;
import io.reelfm.service.auth.Authenticator;
import io.reelfm.service.http.ApiException;
import io.reelfm.service.http.Echo;
import io.reelfm.trainer.policy.FitRecord;
import io.reelfm.trainer.policy.ModelSlot;
import io.reelfm.trainer.snapshot.PublishedModels;
import io.reelfm.trainer.snapshot.SnapshotPublisher;

/**
 * {@code GET /models}: each model as an object with its active {@code version} and its
 * {@code metrics}, the retained earlier versions, rejected candidates and the last training run;
 * {@code POST /models/{name}/rollback}: re-point serving to the previous retained version;
 * {@code POST /models/{name}/retrain}: ask for a full refit now (202, runs asynchronously).
 * Both actions require an admin key when keys are configured.
 */
public final class ModelsResource {

    private static final Logger log = LoggerFactory.getLogger(ModelsResource.class);

    private final Map<String, ModelSlot> slots = new LinkedHashMap<>();
    private final SnapshotPublisher publisher;
    private final Authenticator auth;

    /** @param auth checks the admin key of rollback and retrain */
    public ModelsResource(List<ModelSlot> slots, SnapshotPublisher publisher, Authenticator auth) {
        slots.forEach(s -> this.slots.put(s.name(), s));
        this.publisher = publisher;
        this.auth = auth;
    }

    public void register(Javalin app) {
        app.get("/models", this::list);
        app.post("/models/{name}/rollback", this::rollback);
        app.post("/models/{name}/retrain", this::retrain);
    }

    private void list(Context ctx) {
        PublishedModels models = publisher.models();
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelSlot slot : slots.values()) {
            out.add(describe(slot, models));
        }
        ctx.json(out);
    }

    private Map<String, Object> describe(ModelSlot slot, PublishedModels models) {
        Optional<ModelManifest> active = models.active(slot.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", slot.name());
        m.put("learner", slot.spec().learner());
        m.put("kind", slot.spec().kind());
        m.put("version", active.map(ModelManifest::getVersion).orElse(null));
        m.put("metrics", active.map(a -> (Object) a.getMetrics()).orElse(Map.of()));
        m.put("createdAt", active.map(a -> a.getCreatedAt().toString()).orElse(null));
        List<Map<String, Object>> versions = new ArrayList<>();
        long activeVersion = active.map(ModelManifest::getVersion).orElse(-1L);
        for (ModelManifest v : models.versions(slot.name())) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("version", v.getVersion());
            d.put("active", v.getVersion() == activeVersion);
            d.put("learner", v.getLearner());
            d.put("metrics", v.getMetrics());
            d.put("counts", v.getCounts());
            d.put("hyperparameters", v.getHyperparameters());
            d.put("chunkCount", v.getChunkCount());
            d.put("payloadBytes", v.getPayloadBytes());
            d.put("createdAt", v.getCreatedAt().toString());
            versions.add(d);
        }
        m.put("versions", versions);
        m.put("rejected", slot.rejections());
        FitRecord last = slot.lastFit();
        m.put("lastTraining", last);
        return m;
    }

    private ModelSlot slot(Context ctx) {
        String name = ctx.pathParam("name");
        ModelSlot slot = slots.get(name);
        if (slot == null) {
            throw new ApiException(404, "no model named '" + Echo.truncate(name) + "'; known: " + slots.keySet());
        }
        return slot;
    }

    private void rollback(Context ctx) {
        String caller = auth.requireAdministrator(ctx);
        ModelSlot slot = slot(ctx);
        long from = publisher.models().active(slot.name()).map(ModelManifest::getVersion)
                .orElseThrow(() -> new ApiException(409, "model '" + slot.name() + "' has no active version to roll back"));
        ModelManifest to = publisher.rollback(slot.name())
                .orElseThrow(() -> new ApiException(409, "model '" + slot.name() + "' has no retained version older than " + from));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", slot.name());
        body.put("version", to.getVersion());
        body.put("previousVersion", from);
        body.put("metrics", to.getMetrics());
        log.info("Model {} rolled back from version {} to {} by {}", slot.name(), from, to.getVersion(), caller);
        ctx.json(body);
    }

    private void retrain(Context ctx) {
        String caller = auth.requireAdministrator(ctx);
        ModelSlot slot = slot(ctx);
        slot.requestRetrain();
        log.info("Retrain of model {} requested by {}", slot.name(), caller);
        ctx.status(202).json(Map.of("name", slot.name(), "status", "retrain requested"));
    }
}
