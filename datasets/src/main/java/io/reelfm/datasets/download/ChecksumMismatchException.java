package io.reelfm.datasets.download;

/** A downloaded file did not match its published checksum; the file has been deleted. */
public final class ChecksumMismatchException extends DatasetUnavailableException {

    private final String expected;
    private final String actual;

    public ChecksumMismatchException(String file, String expected, String actual) {
        super("MD5 of " + file + " is " + actual + " but " + expected + " was published; the download was deleted");
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
