package io.reelfm.launcher.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.tools.ProducerPerformance;

/**
 * Runs Kafka's own {@code ProducerPerformance} tool in this JVM and reads its final line. It is
 * the reference a replay is compared with: raw 60-byte records, no parsing, no Avro.
 */
final class ProducerPerfRun {

    private static final Pattern TOTAL = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    private ProducerPerfRun() {
    }

    /** @return records per second reported by the tool */
    static double run(String bootstrapServers, String topic, long records, int recordSize, List<String> producerProps) throws Exception {
        String[] args = new String[8 + 2 + producerProps.size()];
        int i = 0;
        args[i++] = "--topic";
        args[i++] = topic;
        args[i++] = "--num-records";
        args[i++] = String.valueOf(records);
        args[i++] = "--record-size";
        args[i++] = String.valueOf(recordSize);
        args[i++] = "--throughput";
        args[i++] = "-1";
        args[i++] = "--producer-props";
        args[i++] = "bootstrap.servers=" + bootstrapServers;
        for (String p : producerProps) {
            args[i++] = p;
        }
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        synchronized (System.class) {
            System.setOut(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    captured.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    captured.write(b, off, len);
                }
            }, true, StandardCharsets.UTF_8));
            try {
                ProducerPerformance.main(args);
            } finally {
                System.out.flush();
                System.setOut(original);
            }
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher last = null;
        Matcher m = TOTAL.matcher(output);
        while (m.find()) {
            last = TOTAL.matcher(m.group());
            last.find();
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no total:\n" + output);
        }
        return Double.parseDouble(last.group(2));
    }
}
