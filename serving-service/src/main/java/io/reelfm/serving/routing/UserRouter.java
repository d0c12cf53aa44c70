package io.reelfm.serving.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import io.reelfm.serving.state.StreamsStores;

/**
 * Finds which instance owns a user's partition (Kafka Streams metadata,
 * {@code queryMetadataForKey} on the user-history store) and forwards a request there over HTTP,
 * so any instance can answer any user. A forwarded request carries {@link #FORWARDED_HEADER},
 * signed with the instances' shared secret ({@link ForwardSignature}); its receiver answers
 * locally, never forwarding again (no loops during a rebalance). A client-made header does not
 * verify and is ignored.
 */
public final class UserRouter {

    public static final String FORWARDED_HEADER = "X-ReelFM-Forwarded";
    /** Relayed from the owner's answer; see the HTTP layer for its values. */
    public static final String STALE_HEADER = "X-ReelFM-Stale";
    /**
     * The instance ({@code host:port}) whose state answered, relayed from the owner on a forwarded
     * request: a client or load balancer can tell a forwarded answer (this differs from the
     * instance it asked) from a local one, and so measure what forwarding costs.
     */
    public static final String SERVED_BY_HEADER = "X-ReelFM-Served-By";

    private final StreamsStores streams;
    private final java.util.concurrent.atomic.AtomicLong forwarded = new java.util.concurrent.atomic.AtomicLong();
    private final HttpClient http;
    private final Duration timeout;
    /**
     * Owners that failed to answer. A killed instance's address can swallow connections until the
     * forward timeout; while one is suspect its users go straight to the local replica, and a
     * background probe ({@link #PROBE_EVERY}) clears the suspicion once it answers again, so no
     * request waits the timeout a second time while partitions are still moving away from it.
     */
    private final java.util.Set<HostInfo> suspects = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** A suspect never answering for this long is forgotten (it left); the next forward to it will tell again. */
    static final Duration PROBE_FOR = Duration.ofMinutes(10);
    private final java.util.concurrent.ScheduledExecutorService prober = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "reelfm-owner-probe");
                t.setDaemon(true);
                return t;
            });
    private final ForwardSignature signature;

    /** @param secret shared by every instance; signs forwarded requests */
    public UserRouter(StreamsStores streams, Duration timeout, String secret) {
        this.streams = streams;
        this.timeout = timeout;
        this.signature = new ForwardSignature(secret, java.time.Clock.systemUTC());
        // A killed owner's address swallows the connection attempt; a live one on the same network
        // accepts in well under a millisecond, so the connect gets a third of the whole forward.
        this.http = HttpClient.newBuilder().connectTimeout(timeout.dividedBy(3)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * The instance owning the user; empty when it is this one.
     *
     * @throws InvalidStateStoreException when ownership is unknown (rebalancing, not started)
     */
    public Optional<HostInfo> owner(String userId) {
        KeyQueryMetadata md = streams.locate(userId);
        if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md) || md.activeHost() == null
                || md.activeHost().port() < 0) {
            throw new InvalidStateStoreException("owner of user " + userId + " is not known yet (rebalancing)");
        }
        return md.activeHost().equals(streams.self()) ? Optional.empty() : Optional.of(md.activeHost());
    }

    /**
     * Sends the same GET to {@code owner}.
     *
     * @throws OwnerUnreachableException when the owner does not answer in time
     */
    public Forwarded forward(HostInfo owner, String pathAndQuery) {
        if (suspects.contains(owner)) {
            throw new OwnerUnreachableException(owner, new IOException("did not answer a moment ago; not tried again yet"));
        }
        HostInfo self = streams.self();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
                .timeout(timeout).header(FORWARDED_HEADER, signature.sign(self.host() + ":" + self.port(), pathAndQuery))
                .GET().build();
        forwarded.incrementAndGet();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Forwarded(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"),
                    r.headers().firstValue("Retry-After").orElse(null), r.headers().firstValue(STALE_HEADER).orElse(null),
                    r.headers().firstValue(SERVED_BY_HEADER).orElse(owner.host() + ":" + owner.port()), r.body());
        } catch (IOException e) {
            suspect(owner);
            throw new OwnerUnreachableException(owner, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OwnerUnreachableException(owner, e);
        }
    }

    private void suspect(HostInfo owner) {
        if (suspects.add(owner)) {
            long giveUp = System.nanoTime() + PROBE_FOR.toNanos();
            prober.schedule(() -> probe(owner, giveUp), PROBE_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Any HTTP answer from the owner's liveness endpoint clears the suspicion; silence probes again a moment later. */
    private void probe(HostInfo owner, long giveUp) {
        Duration wait = timeout.compareTo(PROBE_EVERY) < 0 ? timeout : PROBE_EVERY;
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + "/health/live"))
                    .timeout(wait).GET().build(), HttpResponse.BodyHandlers.discarding());
            suspects.remove(owner);
            return;
        } catch (IOException e) {
            // still silent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (System.nanoTime() - giveUp > 0) {
            suspects.remove(owner);
        } else if (!prober.isShutdown()) {
            prober.schedule(() -> probe(owner, giveUp), PROBE_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Whether requests to this instance currently go to the local replica without being tried. */
    boolean suspected(HostInfo owner) {
        return suspects.contains(owner);
    }

    /** Stops probing suspect owners. */
    public void close() {
        prober.shutdownNow();
    }

    /** Whether a request's {@link #FORWARDED_HEADER} was really set by another instance for this path and query. */
    public boolean forwardedByInstance(String marker, String pathAndQuery) {
        return signature.verify(marker, pathAndQuery);
    }

    /** This instance as {@code host:port}, the value of {@link #SERVED_BY_HEADER} for what it answers itself. */
    public String selfAddress() {
        HostInfo self = streams.self();
        return self.host() + ":" + self.port();
    }

    /** Requests this instance forwarded to another one since start. */
    public long forwardedRequests() {
        return forwarded.get();
    }

    /** The owner's answer, relayed as is. */
    public record Forwarded(int status, String contentType, String retryAfter, String stale, String servedBy, byte[] body) {
    }

    /** The owning instance did not answer; its partitions will move, so the caller should retry. */
    public static final class OwnerUnreachableException extends RuntimeException {
        public OwnerUnreachableException(HostInfo owner, Throwable cause) {
            super("instance " + owner.host() + ":" + owner.port() + " owning this user did not answer", cause);
        }
    }
}
