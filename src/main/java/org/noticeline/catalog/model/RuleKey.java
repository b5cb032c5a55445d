package org.noticeline.catalog.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule key {@code INSTRUMENT:PROVISION}, e.g. {@code DSA:34}, {@code UK-OSA:10}, {@code AVMSD:28b}. */
public record RuleKey(String instrument, String provision) {

    private static final Pattern FORM = Pattern.compile("([A-Za-z][A-Za-z0-9-]{0,31}):((?:0|[1-9][0-9]{0,8})[a-z]?)");

    public static Optional<RuleKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(key.trim());
        return m.matches()
                ? Optional.of(new RuleKey(m.group(1).toUpperCase(Locale.ROOT), m.group(2)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return instrument + ":" + provision;
    }
}
