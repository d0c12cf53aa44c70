package io.reelfm.datasets;

/**
 * A directory holds no data set in any known format (or does not exist). The message lists
 * the files each format expects, so the user can see which one is missing.
 */
public final class UnrecognizedDatasetException extends IllegalArgumentException {

    public UnrecognizedDatasetException(String message) {
        super(message);
    }
}
