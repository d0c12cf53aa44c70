package io.reelfm.trainer.evaluate;

/**
 * Where an evaluation reports its progress: a console progress bar for people, nothing in tests
 * and with {@code --no-progress}.
 *
 * <p>Public for the launcher's {@code reelfm evaluate} command, which draws it as console progress bars.
 */
public interface EvaluationProgress {

    /** One task (the search, or the chosen learner over its folds). */
    interface Task extends AutoCloseable {
        void step();

        @Override
        void close();
    }

    /** @param total expected steps */
    Task begin(String name, long total);

    EvaluationProgress NONE = (name, total) -> new Task() {
        @Override
        public void step() {
        }

        @Override
        public void close() {
        }
    };
}
