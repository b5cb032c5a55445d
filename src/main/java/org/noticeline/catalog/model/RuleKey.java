package org.noticeline.catalog.model;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule key {@code INSTRUMENT:PROVISION}, e.g. {@code DSA:34}, {@code UK-OSA:10}, {@code AVMSD:28b}. */
public record RuleKey(String instrument, String provision) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z][A-Za-z0-9-]{0,31}):((?:0|[1-9][0-9]{0,8})[a-z]?)");

    /** Instrument, then provision as a reader counts them: {@code DSA:9} before {@code DSA:40}, {@code 28} before {@code 28b}. */
    public static final Comparator<RuleKey> READING_ORDER = Comparator.comparing(RuleKey::instrument)
            .thenComparingLong(RuleKey::number).thenComparing(RuleKey::provision);

    public static Optional<RuleKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(key.trim());
        return m.matches()
                ? Optional.of(new RuleKey(m.group(1).toUpperCase(Locale.ROOT), m.group(2)))
                : Optional.empty();
    }

    /** The provision's leading number; a provision without one (not of {@link #parse}'s form) sorts after those with one. */
    private long number() {
        int digits = 0;
        while (digits < provision.length() && digits < 18 && Character.isDigit(provision.charAt(digits))) {
            digits++;
        }
        return digits == 0 ? Long.MAX_VALUE : Long.parseLong(provision, 0, digits, 10);
    }

    @Override
    public String toString() {
        return instrument + ":" + provision;
    }
}
