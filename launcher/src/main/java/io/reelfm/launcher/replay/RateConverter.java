package io.reelfm.launcher.replay;

import io.reelfm.ingest.replay.RateLimit;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --rate}; picocli prefixes the message with the option name. */
public final class RateConverter implements ITypeConverter<RateLimit> {

    @Override
    public RateLimit convert(String value) {
        try {
            return RateLimit.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
