package io.reelfm.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the bad lines a reader skipped. Keeps the first {@value #KEPT} for reporting and
 * counts the rest, so a badly broken file cannot exhaust memory.
 */
public final class LineErrors implements Consumer<BadLine> {

    static final int KEPT = 100;

    private final List<BadLine> first = new ArrayList<>();
    private long count;

    @Override
    public synchronized void accept(BadLine line) {
        count++;
        if (first.size() < KEPT) {
            first.add(line);
        }
    }

    public synchronized long count() {
        return count;
    }

    public synchronized List<BadLine> first() {
        return Collections.unmodifiableList(new ArrayList<>(first));
    }
}
