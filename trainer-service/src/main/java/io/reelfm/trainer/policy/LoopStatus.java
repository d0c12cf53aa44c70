package io.reelfm.trainer.policy;

import java.time.Instant;

/**
 * What the training thread last reported about consumption, readable from any thread.
 *
 * @param lag          records behind the end of the input topics, as the consumer saw it after its last poll;
 *                     -1 while not known (before the first poll that learned the end of every assigned partition)
 * @param recordsRead  records read since start, duplicates included
 * @param poison       undecodable records skipped
 * @param checkpointAt last saved training state (null when checkpoints are off or none yet)
 * @param failure      why the training thread stopped, or null while it runs
 */
public record LoopStatus(long lag, long recordsRead, long poison, Instant checkpointAt, String failure) {
}
