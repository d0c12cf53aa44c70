package io.reelfm.trainer.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.reelfm.trainer.policy.LoopStatus;
import io.reelfm.trainer.policy.ModelSlot;
import io.reelfm.trainer.policy.TrainingLoop;
import io.reelfm.trainer.store.TrainingState;

/**
 * {@code GET /status}: consumer lag, training data counts and, per model, the last training run
 * (finish time and duration).
 */
public final class StatusResource {

    private final TrainingLoop loop;
    private final TrainingState state;

    public StatusResource(TrainingLoop loop, TrainingState state) {
        this.loop = loop;
        this.state = state;
    }

    public void register(Javalin app) {
        app.get("/status", this::status);
    }

    private void status(Context ctx) {
        LoopStatus s = loop.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", s.failure() == null);
        body.put("failure", s.failure());
        body.put("lag", s.lag());
        body.put("recordsRead", s.recordsRead());
        body.put("poisonRecords", s.poison());
        body.put("checkpointAt", s.checkpointAt() == null ? null : s.checkpointAt().toString());
        body.put("data", state.counts());
        Map<String, Object> training = new LinkedHashMap<>();
        for (ModelSlot slot : loop.slots()) {
            training.put(slot.name(), slot.lastFit());
        }
        body.put("training", training);
        ctx.json(body);
    }
}
