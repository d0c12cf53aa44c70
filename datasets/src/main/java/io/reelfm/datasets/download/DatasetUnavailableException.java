package io.reelfm.datasets.download;

/**
 * A data set could not be obtained: no network, an HTTP error, a bad checksum or a bad archive.
 * Callers that can work without it (the demo falls back to generated data) catch this one type.
 */
public class DatasetUnavailableException extends RuntimeException {

    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
