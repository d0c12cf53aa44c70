package io.reelfm.datasets.text;

/** A CSV record that breaks RFC 4180; carries the 1-based column where parsing stopped. */
public final class CsvFormatException extends Exception {

    private final int column;
    private final boolean unterminated;

    CsvFormatException(String message, int column, boolean unterminated) {
        super(message + " at column " + column);
        this.column = column;
        this.unterminated = unterminated;
    }

    public int column() {
        return column;
    }

    /** True when the record ended inside a quoted field, i.e. it may continue on the next line. */
    public boolean unterminated() {
        return unterminated;
    }
}
