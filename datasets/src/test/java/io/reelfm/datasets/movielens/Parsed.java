package io.reelfm.datasets.movielens;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.reelfm.datasets.BadLine;
import io.reelfm.datasets.LineErrors;

/** What one read of a data set file produced: the good-row count, the rows and the bad lines. */
record Parsed<T>(long good, List<T> rows, List<BadLine> errors) {

    /** A data set's {@code ratings}, {@code movies} or {@code users}. */
    @FunctionalInterface
    interface Reader<T> {
        long read(Consumer<T> sink, Consumer<BadLine> errors);
    }

    static <T> Parsed<T> of(Reader<T> reader) {
        List<T> rows = new ArrayList<>();
        LineErrors errors = new LineErrors();
        long good = reader.read(rows::add, errors);
        return new Parsed<>(good, rows, errors.first());
    }

    List<Long> lineNumbers() {
        return errors.stream().map(BadLine::lineNumber).toList();
    }

    List<String> reasons() {
        return errors.stream().map(BadLine::reason).toList();
    }
}
