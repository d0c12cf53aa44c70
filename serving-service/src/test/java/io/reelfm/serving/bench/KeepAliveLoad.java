package io.reelfm.serving.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import io.reelfm.testkit.KeptAliveGet;

/**
 * An open-loop HTTP load generator light enough to share two cores with the service it measures:
 * a fixed set of keep-alive connections, each served by one thread writing a bare GET and
 * reading the response by its length. A scheduler releases one request per period; latency is
 * taken from the request's intended start, so a queue building anywhere (server or generator)
 * shows in the figures instead of slowing the schedule down.
 */
public final class KeepAliveLoad {

    private static final long POISON = Long.MIN_VALUE;
    /** Keep-alive connections: enough that a slow response does not hold up the schedule. */
    static final int CONNECTIONS = 32;
    /** Users of MovieLens 100K, ids 1..943. */
    static final int USERS = 943;

    private final int port;
    private final int connections;

    /**
     * Brings a fresh instance to steady state before measuring: a tenth, a quarter, then half of
     * {@code rate}, each for a third of {@code -Dwarmup.seconds} (default 90). On two cores the JIT
     * compilers take about that long at a few hundred requests per second before compiling stops
     * taking CPU from the requests (C2 used 13.8, 11.1, 5.5, 2.7 and 0.9 CPU-seconds in five
     * consecutive 20 s runs at 200 req/s of a fresh instance), and a cold instance given half of
     * 500 req/s at once fell behind and never caught up, so the rate ramps up as a load balancer's
     * slow start would.
     */
    void warmUp(int rate) throws InterruptedException {
        int stage = Math.max(1, Integer.getInteger("warmup.seconds", 90) / 3);
        for (int divisor : new int[] {10, 4, 2}) {
            run(Math.max(1, rate / divisor), stage, USERS, new Histogram(60_000_000_000L, 3));
        }
    }

    /**
     * Drives a running instance from this process: {@code <port> <req/s> <seconds>}, after
     * {@link #warmUp}; prints the latency distribution.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        KeepAliveLoad load = new KeepAliveLoad(port, CONNECTIONS);
        load.warmUp(rate);
        Histogram h = new Histogram(60_000_000_000L, 3);
        long errors = load.run(rate, seconds, USERS, h);
        System.out.printf("GET /users/{id}/recommendations?k=10 at %d req/s for %d s (%d errors), separate process%n"
                        + "  n=%d  p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  p99.9=%.2f ms  max=%.2f ms%n", rate, seconds, errors,
                h.getTotalCount(), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
    }

    KeepAliveLoad(int port, int connections) {
        this.port = port;
        this.connections = connections;
    }

    /** Sends {@code rate} req/s for {@code seconds} to random users 1..users; returns the count of failed requests. */
    long run(int rate, int seconds, int users, Histogram latency) throws InterruptedException {
        int total = rate * seconds;
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(Math.max(16, total));
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Random pick = new Random(31L * c + 7);
            Thread worker = new Thread(() -> {
                try {
                    work(due, pick, users, latency, errors);
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(intended);
        }
        for (int c = 0; c < connections; c++) {
            due.add(POISON);
        }
        done.await();
        return errors.get();
    }

    private void work(BlockingQueue<Long> due, Random pick, int users, Histogram latency, AtomicLong errors) {
        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        try {
            while (true) {
                long intended = due.take();
                if (intended == POISON) {
                    return;
                }
                String path = "/users/" + (1 + pick.nextInt(users)) + "/recommendations?k=10";
                try {
                    if (socket == null) {
                        socket = new Socket("localhost", port);
                        socket.setTcpNoDelay(true);
                        in = new BufferedInputStream(socket.getInputStream(), 16384);
                        out = socket.getOutputStream();
                    }
                    int status = get(in, out, path);
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    close(socket);
                    socket = null;
                }
                long took = System.nanoTime() - intended;
                synchronized (latency) {
                    latency.recordValue(Math.min(took, latency.getHighestTrackableValue()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(socket);
        }
    }

    /** One request on a kept-alive connection; reads the whole response. */
    private static int get(InputStream in, OutputStream out, String path) throws IOException {
        return KeptAliveGet.send(in, out, path).status();
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection; nothing left to report
            }
        }
    }
}
