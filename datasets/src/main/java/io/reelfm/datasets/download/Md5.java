package io.reelfm.datasets.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MD5 and SHA-256 of files, and parsing of published {@code .md5} files. */
final class Md5 {

    private static final Pattern HEX32 = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{32})(?![0-9a-fA-F])");

    private Md5() {
    }

    static String of(Path file) throws IOException {
        return hex(file, "MD5");
    }

    /** SHA-256 of a file, in lower-case hex: what a {@link Manifest} records. */
    static String sha256(Path file) throws IOException {
        return hex(file, "SHA-256");
    }

    private static String hex(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Finds the digest in a checksum file, whatever its layout: {@code <hex>  file} (GNU) or
     * {@code MD5 (file) = <hex>} (BSD, which GroupLens uses).
     *
     * @return the lower-case digest, or null when there is none
     */
    static String parse(String content) {
        Matcher m = HEX32.matcher(content);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
