package io.reelfm.launcher.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import io.reelfm.testkit.KeptAliveGet;

/**
 * An open-loop load generator for several serving instances, run in its own process so that it
 * takes no CPU or heap from the instances' JVMs: {@code GET /users/{random user}/recommendations?k=10}
 * at a fixed rate, the instances taken in turn as a round-robin load balancer would. Latency counts
 * from when each request was due, so a stall anywhere shows in the tail instead of slowing the
 * schedule. Each answer is sorted by its {@code X-ReelFM-Served-By} header into local (the asked
 * instance answered from its own state) or forwarded (another instance did), which gives the share
 * forwarded and what forwarding costs. Errors are also counted per second since the start, so a
 * fault injected during the run shows when it stopped hurting.
 *
 * <pre>
 * java -cp ... io.reelfm.launcher.bench.ScaleLoad &lt;port,port,...&gt; &lt;req/s&gt; &lt;seconds&gt; &lt;users&gt; &lt;warm-up seconds&gt;
 * </pre>
 * Users are {@code 1..users}, as in generated and MovieLens sets. The last line printed starts with
 * {@code RESULT} and holds every figure as {@code key=value}.
 */
public final class ScaleLoad {

    private static final long POISON = Long.MIN_VALUE;
    private static final int CONNECTIONS_PER_INSTANCE = 16;
    private static final long HIGHEST = 60_000_000_000L;

    private final int[] ports;
    private final int users;
    private final Histogram all = new Histogram(HIGHEST, 3);
    private final Histogram local = new Histogram(HIGHEST, 3);
    private final Histogram forwarded = new Histogram(HIGHEST, 3);
    private final AtomicLongArray errorsBySecond;
    /** Requests over {@link #SLOW} in the measured phase: when each was due (ms since the epoch) and what it took (µs). */
    private final List<long[]> slow = new ArrayList<>();
    private long start;
    private long startEpochMillis;

    ScaleLoad(int[] ports, int users, int seconds) {
        this.ports = ports;
        this.users = users;
        this.errorsBySecond = new AtomicLongArray(seconds + 120);
    }

    /** Printed when the warm-up is over and the measured phase starts ({@link ScaleLoadProcess#secondsMeasuring}). */
    static final String MEASURING = "MEASURING";

    public static void main(String[] args) throws InterruptedException {
        int[] ports = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int users = Integer.parseInt(args[3]);
        int warmUp = Integer.parseInt(args[4]);
        // Fresh JVMs compile their hot paths first: ramp up through a tenth, a quarter and half of the rate.
        for (int divisor : new int[] {10, 4, 2}) {
            if (warmUp >= 3) {
                new ScaleLoad(ports, users, warmUp / 3).run(Math.max(1, rate / divisor), warmUp / 3);
            }
        }
        ScaleLoad load = new ScaleLoad(ports, users, seconds);
        System.out.println(MEASURING);
        System.out.flush();
        load.run(rate, seconds);
        load.printSlow();
        load.report(rate, seconds);
        System.exit(0);
    }

    void run(int rate, int seconds) throws InterruptedException {
        int connections = CONNECTIONS_PER_INSTANCE * ports.length;
        // One queue per instance: the schedule deals requests to the instances in turn.
        List<BlockingQueue<Long>> due = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            due.add(new ArrayBlockingQueue<>(Math.max(16, rate * seconds / ports.length + CONNECTIONS_PER_INSTANCE + 1)));
        }
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int instance = c % ports.length;
            Random pick = new Random(31L * c + 7);
            Thread worker = new Thread(() -> {
                try {
                    work(ports[instance], due.get(instance), pick);
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        long period = 1_000_000_000L / rate;
        start = System.nanoTime() + 10_000_000L;
        startEpochMillis = System.currentTimeMillis() + 10;
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.get((int) (i % ports.length)).add(intended);
        }
        for (int c = 0; c < connections; c++) {
            due.get(c % ports.length).add(POISON);
        }
        done.await();
    }

    private void work(int ownPort, BlockingQueue<Long> due, Random pick) {
        Connection conn = new Connection(ownPort);
        try {
            while (true) {
                long intended = due.take();
                if (intended == POISON) {
                    return;
                }
                String servedBy = null;
                boolean ok;
                try {
                    Answer a = conn.get("/users/" + (1 + pick.nextInt(users)) + "/recommendations?k=10");
                    ok = a.status() == 200;
                    servedBy = a.servedBy();
                } catch (IOException e) {
                    ok = false;
                    conn.close();
                }
                long now = System.nanoTime();
                long took = Math.min(now - intended, HIGHEST);
                synchronized (all) {
                    all.recordValue(took);
                    if (took > SLOW && slow.size() < 10_000) {
                        slow.add(new long[] {startEpochMillis + (intended - start) / 1_000_000L, took / 1000});
                    }
                    if (ok && servedBy != null) {
                        (servedBy.endsWith(":" + ownPort) ? local : forwarded).recordValue(took);
                    }
                }
                if (!ok) {
                    int second = (int) Math.max(0, (now - start) / 1_000_000_000L);
                    errorsBySecond.incrementAndGet(Math.min(second, errorsBySecond.length() - 1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            conn.close();
        }
    }

    private void report(int rate, int seconds) {
        long errors = 0;
        StringBuilder timeline = new StringBuilder();
        for (int s = 0; s < errorsBySecond.length(); s++) {
            long e = errorsBySecond.get(s);
            errors += e;
            if (e > 0) {
                timeline.append(timeline.length() == 0 ? "" : ",").append(s).append(':').append(e);
            }
        }
        long answered = local.getTotalCount() + forwarded.getTotalCount();
        System.out.printf(Locale.ROOT, "RESULT rate=%d seconds=%d instances=%d requests=%d errors=%d errorSeconds=%s"
                        + " p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f"
                        + " localN=%d localP50=%.2f localP99=%.2f forwardedN=%d forwardedP50=%.2f forwardedP99=%.2f forwardedShare=%.3f%n",
                rate, seconds, ports.length, all.getTotalCount(), errors, timeline.length() == 0 ? "-" : timeline,
                ms(all, 50), ms(all, 90), ms(all, 99), ms(all, 99.9), all.getMaxValue() / 1e6,
                local.getTotalCount(), ms(local, 50), ms(local, 99), forwarded.getTotalCount(), ms(forwarded, 50), ms(forwarded, 99),
                answered == 0 ? 0.0 : (double) forwarded.getTotalCount() / answered);
    }

    /** Over 10 ms: the target's p99, so these are the requests that decide whether it is met. */
    private static final long SLOW = 10_000_000L;

    /**
     * One line {@code SLOW <epoch ms>:<µs> ...} for every request over 10 ms, to be laid beside a GC
     * log decorated with {@code timemillis} or another process's timeline: whether the tail comes in
     * bursts (a pause, a flush) or evenly (waiting for a core).
     */
    private void printSlow() {
        StringBuilder line = new StringBuilder("SLOW");
        synchronized (all) {
            for (long[] s : slow) {
                line.append(' ').append(s[0]).append(':').append(s[1]);
            }
        }
        System.out.println(line);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
    }

    /** Status and the instance that answered. */
    record Answer(int status, String servedBy) {
    }

    /** One kept-alive HTTP/1.1 connection to an instance, reopened after a failure. */
    private static final class Connection {
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(int port) {
            this.port = port;
        }

        Answer get(String path) throws IOException {
            if (socket == null) {
                socket = new Socket("localhost", port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 16384);
                out = socket.getOutputStream();
            }
            KeptAliveGet answer = KeptAliveGet.send(in, out, path);
            return new Answer(answer.status(), answer.header("X-ReelFM-Served-By"));
        }


        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a broken connection; the next request opens a new one
                }
                socket = null;
            }
        }
    }
}
