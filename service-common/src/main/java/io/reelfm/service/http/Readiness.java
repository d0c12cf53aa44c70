package io.reelfm.service.http;

/**
 * Whether a service can do useful work now (its dependencies are reachable, its model is
 * loaded...). Checked on every {@code GET /health/ready}; implementations must bound their own
 * time, since orchestrators probe often and with short timeouts.
 */
@FunctionalInterface
public interface Readiness {

    Status check();

    record Status(boolean ready, String detail) {

        public static Status up() {
            return new Status(true, "ok");
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }
}
