package io.reelfm.service.config;

/**
 * A configuration value that is missing, unparseable or out of range. The message always names
 * the key, so an operator can fix the right variable without reading code.
 */
public final class ConfigException extends IllegalArgumentException {

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    public ConfigException(String key, String problem, Throwable cause) {
        super(key + " " + problem, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Fails with a message naming the key unless the condition holds. */
    public static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new ConfigException(key, problem);
        }
    }
}
