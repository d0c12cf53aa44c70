package io.reelfm.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.reelfm.service.config.ConfigException;
import io.reelfm.service.config.Settings;

/**
 * The keys clients present to write (ingest) or administer (trainer rollback and retrain).
 * Configured once for every service: {@code reelfm.api-keys} ({@code REELFM_API_KEYS}) holds
 * comma-separated entries, each {@code name:key} or just {@code key}; the name (never the key)
 * is what logs and metrics show. {@code reelfm.admin-keys} lists the keys allowed to administer
 * in the same form and defaults to the api keys. With no keys configured, nothing is required.
 *
 * <p>Only SHA-256 digests of the keys are kept, and a presented key is compared against every
 * configured digest with {@link MessageDigest#isEqual}, so neither the comparison time nor an
 * early exit tells a caller how much of a guess was right.
 */
public final class ApiKeys {

    public static final String API_KEYS = "reelfm.api-keys";
    public static final String ADMIN_KEYS = "reelfm.admin-keys";

    private final List<Entry> write;
    private final List<Entry> admin;

    private record Entry(String name, byte[] digest) {
    }

    private ApiKeys(List<Entry> write, List<Entry> admin) {
        this.write = List.copyOf(write);
        this.admin = List.copyOf(admin);
    }

    /** No keys: every request is allowed. */
    public static ApiKeys none() {
        return new ApiKeys(List.of(), List.of());
    }

    public static ApiKeys fromSettings(Settings s) {
        String api = s.string(API_KEYS, "");
        String adm = s.string(ADMIN_KEYS, "");
        List<Entry> write = parse(API_KEYS, api);
        List<Entry> admin = adm.isBlank() ? write : parse(ADMIN_KEYS, adm);
        return new ApiKeys(write, admin);
    }

    /** Keys for writing; administration accepts the same keys. */
    public static ApiKeys of(String apiKeys) {
        List<Entry> write = parse(API_KEYS, apiKeys);
        return new ApiKeys(write, write);
    }

    static List<Entry> parse(String setting, String value) {
        List<Entry> entries = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return entries;
        }
        int n = 0;
        for (String raw : value.split(",")) {
            String entry = raw.strip();
            n++;
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String name = colon > 0 ? entry.substring(0, colon).strip() : "key" + n;
            String key = colon > 0 ? entry.substring(colon + 1).strip() : entry;
            ConfigException.require(!key.isEmpty(), setting, "entry " + n + " (" + name + ") has an empty key");
            ConfigException.require(key.chars().noneMatch(Character::isWhitespace), setting,
                    "entry " + n + " (" + name + ") contains whitespace");
            entries.add(new Entry(name, digest(key)));
        }
        return entries;
    }

    /** Whether any key is configured, i.e. whether requests must present one. */
    public boolean required() {
        return !write.isEmpty() || !admin.isEmpty();
    }

    /** The name of the write key this is, if it is one. */
    public Optional<String> writer(String presented) {
        return match(write, presented);
    }

    /** The name of the admin key this is, if it is one. */
    public Optional<String> administrator(String presented) {
        return match(admin, presented);
    }

    private static Optional<String> match(List<Entry> entries, String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] d = digest(presented);
        String found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), d) && found == null) {
                found = e.name();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
