package io.reelfm.ingest.replay;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@code --rate}: {@code max} (as fast as possible) or a number of events per
 * second written {@code 500/s} (a bare {@code 500} means the same). Parsing lives here, not in
 * the command, so the error text is the same wherever a rate is read.
 *
 * @param eventsPerSecond the rate, or {@code 0} for {@code max}
 */
public record RateLimit(double eventsPerSecond) {

    public static final RateLimit MAX = new RateLimit(0);

    private static final Pattern PER_SECOND = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*s(?:ec)?)?");

    public RateLimit {
        if (eventsPerSecond < 0 || Double.isNaN(eventsPerSecond) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of events per second, was " + eventsPerSecond);
        }
    }

    /** @throws IllegalArgumentException quoting the bad value and the accepted forms (the CLI prefixes the option name) */
    public static RateLimit parse(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (v.equals("max")) {
            return MAX;
        }
        Matcher m = PER_SECOND.matcher(v);
        if (m.matches()) {
            double rate = Double.parseDouble(m.group(1));
            if (rate > 0) {
                return new RateLimit(rate);
            }
            throw new IllegalArgumentException("'" + text + "' is not a rate: it must be greater than 0 events per second");
        }
        throw new IllegalArgumentException("'" + text + "' is not a rate: use 'max' or events per second such as 500/s");
    }

    public boolean isMax() {
        return eventsPerSecond == 0;
    }

    public Pacing pacing() {
        return isMax() ? Pacing.unlimitedRate() : Pacing.perSecond(eventsPerSecond);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : format(eventsPerSecond) + "/s";
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
