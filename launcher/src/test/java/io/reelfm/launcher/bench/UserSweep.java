package io.reelfm.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks serving instances for many users' recommendations with a few threads: the routing check
 * (every user of a sample at every instance, each must answer 200, and the owner each names) and
 * the failover check (users asked again and again at the survivors of a kill, each user's last
 * failure remembered).
 */
final class UserSweep {

    private static final int THREADS = 6;

    private final HttpClient http;

    UserSweep(HttpClient http) {
        this.http = http;
    }

    /** What one request got: status (-1 when nothing answered) and the instance named as having answered. */
    record Answer(int status, String servedBy) {
    }

    /** The routing check's outcome: answers that were not 200, and users by owning instance. */
    record Routing(long asked, long failed, Map<String, Long> usersByOwner, Map<String, String> ownerOfUser,
                   long ownersDisagree) {
    }

    Answer ask(int port, String user) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/users/" + user
                    + "/recommendations?k=10")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(r.statusCode(), r.headers().firstValue("X-ReelFM-Served-By").orElse(null));
        } catch (java.io.IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }

    /** Every user asked at every instance; the owner named by the first instance is the user's owner. */
    Routing routing(List<String> users, List<Integer> ports) throws Exception {
        AtomicLong failed = new AtomicLong();
        AtomicLong disagree = new AtomicLong();
        Map<String, String> ownerOf = new ConcurrentHashMap<>();
        parallel(users, user -> {
            String owner = null;
            for (int port : ports) {
                Answer a = ask(port, user);
                if (a.status() != 200) {
                    failed.incrementAndGet();
                } else if (owner == null) {
                    owner = a.servedBy();
                } else if (!owner.equals(a.servedBy())) {
                    disagree.incrementAndGet();
                }
            }
            if (owner != null) {
                ownerOf.put(user, owner);
            }
        });
        Map<String, Long> byOwner = new TreeMap<>();
        ownerOf.values().forEach(o -> byOwner.merge(o, 1L, Long::sum));
        return new Routing((long) users.size() * ports.size(), failed.get(), byOwner, ownerOf, disagree.get());
    }

    /**
     * Asks every user at the survivors (in turn) until {@code untilNanos}; per user, the
     * {@link System#nanoTime()} of its last answer other than 200 (absent when it never failed) and
     * of its last 200. Counts answers by status, before and after {@code windowEndNanos}, into {@code statuses}.
     */
    Map<String, long[]> untilDeadline(List<String> users, List<Integer> survivors, long untilNanos, long windowEndNanos,
                                      Map<String, AtomicLong> statuses) throws Exception {
        Map<String, long[]> lastFailureAndSuccess = new ConcurrentHashMap<>();
        AtomicInteger turn = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                pool.submit(() -> {
                    while (System.nanoTime() < untilNanos) {
                        for (int i = offset; i < users.size() && System.nanoTime() < untilNanos; i += THREADS) {
                            String user = users.get(i);
                            Answer a = ask(survivors.get(turn.getAndIncrement() % survivors.size()), user);
                            long now = System.nanoTime();
                            statuses.computeIfAbsent((now > windowEndNanos ? "after window " : "within window ") + a.status(),
                                    k -> new AtomicLong()).incrementAndGet();
                            long[] times = lastFailureAndSuccess.computeIfAbsent(user, u -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
                            synchronized (times) {
                                times[a.status() == 200 ? 1 : 0] = now;
                            }
                        }
                    }
                    return null;
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(untilNanos - System.nanoTime() + 60_000_000_000L, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        return lastFailureAndSuccess;
    }

    private static void parallel(List<String> users, java.util.function.Consumer<String> each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> parts = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                parts.add(pool.submit(() -> {
                    for (int i = offset; i < users.size(); i += THREADS) {
                        each.accept(users.get(i));
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
