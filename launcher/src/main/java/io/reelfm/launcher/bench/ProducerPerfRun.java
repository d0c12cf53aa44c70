package io.reelfm.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} in a child JVM with this
 * JVM's classpath, and reads its final line. It is the reference a replay is compared with: raw
 * 60-byte records, no parsing, no Avro. A separate JVM keeps its producer from sharing the
 * broker's heap and threads, as a real client would not.
 */
final class ProducerPerfRun {

    private static final Pattern TOTAL = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");
    private static final long TIMEOUT_MINUTES = 10;

    private ProducerPerfRun() {
    }

    /** @return records per second reported by the tool */
    static double run(String bootstrapServers, String topic, long records, int recordSize, List<String> producerProps)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers));
        command.addAll(producerProps);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Matcher last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = TOTAL.matcher(line);
                if (m.find()) {
                    last = m;
                }
            }
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0 || last == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ", no total line)");
        }
        return Double.parseDouble(last.group(2));
    }
}
