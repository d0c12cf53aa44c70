package io.reelfm.trainer.policy;

import java.time.Instant;
import java.util.List;

import io.reelfm.trainer.config.TrainerConfig;
import io.reelfm.trainer.consume.EventConsumer;
import io.reelfm.trainer.store.StateCheckpoint;
import io.reelfm.trainer.store.TrainingState;

/**
 * Where the trainer's input positions are kept. Without a checkpoint directory the consumer
 * commits after every poll that changed the training set (a restart replays the topics); with
 * one, the training state, the fitted models and then the offsets are saved every
 * {@code checkpoint-interval}, in that order, so a committed offset never runs ahead of the
 * state saved for it.
 */
final class CheckpointSchedule {

    private final TrainerConfig config;
    private final TrainingState state;
    private final EventConsumer consumer;
    private final StateCheckpoint checkpoint;
    private final FittedModels fittedModels;
    private long lastNanos = System.nanoTime();
    private Instant savedAt;

    /** @param checkpoint null to rely on committed offsets alone; {@code fittedModels} may be null */
    CheckpointSchedule(TrainerConfig config, TrainingState state, EventConsumer consumer, StateCheckpoint checkpoint,
                       FittedModels fittedModels) {
        this.config = config;
        this.state = state;
        this.consumer = consumer;
        this.checkpoint = checkpoint;
        this.fittedModels = fittedModels;
    }

    /** After a poll: commits, or checkpoints when the interval has passed. */
    void afterPoll(boolean newData, List<ModelSlot> slots) {
        if (checkpoint == null) {
            if (newData) {
                consumer.commit(state.offsets());
            }
            return;
        }
        if (System.nanoTime() - lastNanos >= config.checkpointInterval().toNanos()) {
            save(slots);
        }
    }

    /** Saves now (the final checkpoint at a stop); does nothing without a checkpoint directory. */
    void saveIfEnabled(List<ModelSlot> slots) {
        if (checkpoint != null) {
            save(slots);
        }
    }

    private void save(List<ModelSlot> slots) {
        checkpoint.save(state);
        if (fittedModels != null) {
            fittedModels.save(slots);
        }
        consumer.commit(state.offsets());
        lastNanos = System.nanoTime();
        savedAt = Instant.now();
    }

    /** When the last checkpoint was saved; null before the first. */
    Instant savedAt() {
        return savedAt;
    }
}
