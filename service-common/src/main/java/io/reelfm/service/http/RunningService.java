package io.reelfm.service.http;

/**
 * A started ReelFM service seen from outside: the port its HTTP app is bound to, and a close
 * that stops in the one safe order, once. HTTP stops first (in-flight requests finish), so no
 * request reaches the Kafka clients and threads behind it while {@link #stopBehindHttp} closes them.
 */
public abstract class RunningService implements AutoCloseable {

    private final ServiceApp app;
    private boolean closed;

    /** @param app the started HTTP app */
    protected RunningService(ServiceApp app) {
        this.app = app;
    }

    public int port() {
        return app.port();
    }

    /** Stops taking requests, lets in-flight ones finish, then {@link #stopBehindHttp}. Idempotent. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        app.close();
        stopBehindHttp();
    }

    /** Stops what serves the endpoints (Kafka clients, threads); called once, after HTTP has stopped. */
    protected abstract void stopBehindHttp();
}
