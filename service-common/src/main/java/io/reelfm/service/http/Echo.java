package io.reelfm.service.http;

/**
 * Client input quoted back in an error message, cut to a readable length so a 5,000-character
 * parameter does not come back 5,000 characters long (and cannot flood logs that record errors).
 */
public final class Echo {

    /** Characters of client input an error message repeats at most. */
    public static final int MAX_CHARS = 64;

    private Echo() {
    }

    /** Longest error message an answer carries; a guard behind the per-input {@link #truncate}. */
    public static final int MAX_MESSAGE_CHARS = 400;

    /** An error message cut to {@link #MAX_MESSAGE_CHARS}, whatever input it quotes. */
    public static String message(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    public static String truncate(String input) {
        if (input == null) {
            return "null";
        }
        if (input.length() <= MAX_CHARS) {
            return input;
        }
        return input.substring(0, MAX_CHARS) + "… (" + input.length() + " characters)";
    }
}
