package io.reelfm.serving.model;

/**
 * A request needs a model that is not loaded yet (the service is starting or the trainer has
 * not published one). Transient by nature, so the HTTP layer answers 503 with Retry-After.
 */
public final class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String model) {
        super("model " + model + " is not loaded yet");
    }
}
