package io.reelfm.service.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Raw configuration values for one service, looked up by dotted key such as
 * {@code reelfm.ingest.port}. Each service reads its typed config object from here once at
 * start, so every service resolves keys the same way.
 *
 * <p>Precedence, highest first: explicit overrides (tests, the all-in-one launcher), environment
 * variables (the key upper-cased with dots and dashes turned into underscores, e.g.
 * {@code REELFM_INGEST_PORT}), the optional properties file, then the caller's default. A value
 * that cannot be parsed raises {@link ConfigException} naming the key and where it came from.
 */
public final class Settings {

    /** Environment variable naming an optional properties file read by {@link #fromEnvironment()}. */
    public static final String CONFIG_FILE_ENV = "REELFM_CONFIG_FILE";

    private final Map<String, String> overrides;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileName;

    private Settings(Map<String, String> overrides, Map<String, String> environment,
                     Map<String, String> file, String fileName) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        this.file = Map.copyOf(file);
        this.fileName = fileName;
    }

    /** Process environment plus the file named by {@value #CONFIG_FILE_ENV}, if set. */
    public static Settings fromEnvironment() {
        Map<String, String> env = System.getenv();
        String path = env.get(CONFIG_FILE_ENV);
        return of(env, path == null || path.isBlank() ? null : Path.of(path), Map.of());
    }

    /** Only the given values; nothing from the process environment. */
    public static Settings ofMap(Map<String, String> values) {
        return of(Map.of(), null, values);
    }

    /**
     * @param environment variables as from {@link System#getenv()}
     * @param file        optional properties file; it must exist when given
     * @param overrides   values that win over everything else, by dotted key
     */
    public static Settings of(Map<String, String> environment, Path file, Map<String, String> overrides) {
        return new Settings(overrides, environment, file == null ? Map.of() : load(file),
                file == null ? null : file.toString());
    }

    /** A copy with these dotted-key values taking precedence. */
    public Settings withOverrides(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new Settings(merged, environment, file, fileName);
    }

    /** The environment variable that sets a dotted key. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> find(String key) {
        String value = overrides.get(key);
        if (value == null) {
            value = environment.get(envName(key));
        }
        if (value == null) {
            value = file.get(key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Every value under a dotted prefix, keyed by the rest of its name, lowest precedence first
     * so higher sources win: file, then environment (where {@code PREFIX_REST_OF_NAME} becomes
     * {@code rest.of.name}), then overrides. For pass-through groups such as Kafka client
     * properties, whose names the service does not know in advance.
     */
    public Map<String, String> underPrefix(String prefix) {
        String dotted = prefix.endsWith(".") ? prefix : prefix + ".";
        String env = envName(dotted);
        Map<String, String> out = new java.util.TreeMap<>();
        file.forEach((k, v) -> {
            if (k.startsWith(dotted) && k.length() > dotted.length() && !v.isBlank()) {
                out.put(k.substring(dotted.length()), v.trim());
            }
        });
        environment.forEach((k, v) -> {
            if (k.startsWith(env) && k.length() > env.length() && !v.isBlank()) {
                out.put(k.substring(env.length()).toLowerCase(Locale.ROOT).replace('_', '.'), v.trim());
            }
        });
        overrides.forEach((k, v) -> {
            if (k.startsWith(dotted) && k.length() > dotted.length() && !v.isBlank()) {
                out.put(k.substring(dotted.length()), v.trim());
            }
        });
        return out;
    }

    public String string(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return parse(key, defaultValue, Integer::parseInt, "an integer");
    }

    public long longValue(String key, long defaultValue) {
        return parse(key, defaultValue, Long::parseLong, "an integer");
    }

    public double decimal(String key, double defaultValue) {
        return parse(key, defaultValue, s -> {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException("not finite");
            }
            return d;
        }, "a finite number");
    }

    public boolean bool(String key, boolean defaultValue) {
        return parse(key, defaultValue, s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(s);
        }, "true or false");
    }

    /** Accepts ISO-8601 ({@code PT5S}) or a number with a unit suffix: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
    public Duration duration(String key, Duration defaultValue) {
        return parse(key, defaultValue, Settings::parseDuration, "a duration such as 500ms, 5s, 2m or PT5S");
    }

    static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1).trim());
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("unknown unit in " + s);
            };
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private <T> T parse(String key, T defaultValue, Function<String, T> parser, String expected) {
        Optional<String> raw = find(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw.get());
        } catch (RuntimeException e) {
            throw new ConfigException(key, "must be " + expected + " but was '" + raw.get() + "' (from " + origin(key) + ")", e);
        }
    }

    private String origin(String key) {
        if (overrides.containsKey(key)) {
            return "override";
        }
        if (environment.containsKey(envName(key))) {
            return "environment variable " + envName(key);
        }
        return "file " + fileName;
    }

    private static Map<String, String> load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(CONFIG_FILE_ENV, "names " + path + ", which is not a readable file");
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + path, e);
        }
        Map<String, String> out = new HashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k.trim(), props.getProperty(k)));
        return out;
    }
}
