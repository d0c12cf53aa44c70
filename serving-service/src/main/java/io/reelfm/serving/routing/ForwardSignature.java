package io.reelfm.serving.routing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Marks a request one serving instance forwards to another so that the receiver can tell it
 * from a client's: the marker is {@code <sender>;<epoch seconds>;<HMAC-SHA256>} over the sender,
 * time and path with query, keyed with the instances' shared secret. A receiver honours it only
 * if the MAC matches (compared in constant time) and it is at most {@link #MAX_AGE_SECONDS} old,
 * so a client can neither forge nor replay one for long.
 */
final class ForwardSignature {

    static final long MAX_AGE_SECONDS = 60;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    ForwardSignature(String secret, Clock clock) {
        this.key = new SecretKeySpec(sha256(secret), ALGORITHM);
        this.clock = clock;
    }

    String sign(String sender, String pathAndQuery) {
        long now = clock.instant().getEpochSecond();
        return sender + ";" + now + ";" + mac(sender, now, pathAndQuery);
    }

    /** Whether the marker was made by an instance with the same secret for this very request, recently. */
    boolean verify(String marker, String pathAndQuery) {
        if (marker == null) {
            return false;
        }
        String[] parts = marker.split(";", -1);
        if (parts.length != 3) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - at) > MAX_AGE_SECONDS) {
            return false;
        }
        byte[] expected = mac(parts[0], at, pathAndQuery).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String sender, long at, String pathAndQuery) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] out = mac.doFinal((sender + "\n" + at + "\n" + pathAndQuery).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
