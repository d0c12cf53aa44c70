package io.reelfm.launcher.demo;

/**
 * One service the demo runs in-process against its embedded broker. The demo starts components
 * in list order and closes them in reverse, so a component may rely on those before it.
 */
public interface DemoComponent {

    /** Short name for the banner, e.g. {@code ingest}. */
    String name();

    /**
     * Starts the component; the handle is closed when the demo stops.
     *
     * @param startedUrls the URL of each component started before this one, by name
     */
    Running start(String bootstrapServers, java.util.Map<String, String> startedUrls);

    /** A started component. */
    interface Running extends AutoCloseable {

        /** Where it answers, e.g. {@code http://localhost:8081}. */
        String url();

        @Override
        void close();
    }
}
