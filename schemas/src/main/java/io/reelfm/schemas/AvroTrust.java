package io.reelfm.schemas;

/**
 * Avro 1.12 refuses to instantiate generated classes from packages it does not trust. Our
 * generated records live in this package; trust it once per JVM before the first decode.
 */
final class AvroTrust {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private AvroTrust() {
    }

    static synchronized void ensureTrusted() {
        String pkg = AvroTrust.class.getPackageName();
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, pkg);
        } else if (!(',' + current + ',').contains(',' + pkg + ',')) {
            System.setProperty(PROPERTY, current + ',' + pkg);
        }
    }
}
