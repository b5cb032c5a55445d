package org.noticeline.ingest.feed;

import org.noticeline.domain.FieldError;
import org.noticeline.hash.Sha256;
import org.noticeline.catalog.model.Catalog;
import org.noticeline.notice.NoticeSnapshots;
import org.noticeline.notice.NoticeType;
import org.noticeline.outbound.AddressPolicy;
import org.noticeline.outbound.OutboundException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source as configured, in {@code notices/catalog/sources.yaml} or posted to the admin API.
 * {@code interval}: ISO-8601 ({@code PT30M}) or short ({@code 45s}, {@code 30m}, {@code 1h}, {@code 1d}),
 * the configured default when absent; {@code publish} false (the default) makes drafts awaiting review.
 */
public record FeedSourceSpec(String id, String authority, String url, String format, String interval, String type,
                             Boolean publish, Boolean enabled) {

    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    /** A source polled less than monthly is not being followed; and a longer interval could overflow the next poll's time. */
    static final Duration MAX_INTERVAL = Duration.ofDays(31);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*([smhd])");
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    /** Every problem of this source at once, each naming its field; empty when it can be saved. */
    public List<FieldError> problems(Catalog catalog, AddressPolicy policy) {
        List<FieldError> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add(FieldError.of("id", "missing id"));
        } else if (!ID.matcher(id).matches() || id.length() > 64) {
            problems.add(FieldError.of("id", "id must be lowercase letters, digits and single hyphens, at most 64 characters"));
        }
        if (authority == null || authority.isBlank()) {
            problems.add(FieldError.of("authority", "missing authority"));
        } else if (catalog.authority(authority).isEmpty()) {
            problems.add(FieldError.of("authority", "unknown authority '" + authority + "'"));
        }
        urlProblem(policy).ifPresent(message -> problems.add(FieldError.of("url", message)));
        if (format == null || format.isBlank()) {
            problems.add(FieldError.of("format", "missing format; expected atom, rss or json"));
        } else if (FeedFormat.fromId(format).isEmpty()) {
            problems.add(FieldError.of("format", "unknown format '" + format + "'; expected atom, rss or json"));
        }
        if (interval != null) {
            try {
                Duration parsed = parseInterval(interval);
                if (parsed.compareTo(MIN_INTERVAL) < 0 || parsed.compareTo(MAX_INTERVAL) > 0) {
                    problems.add(FieldError.of("interval", "interval must be from one minute to 31 days"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(FieldError.of("interval", e.getMessage()));
            }
        }
        if (type != null && NoticeType.fromId(type).isEmpty()) {
            problems.add(FieldError.of("type", "unknown type '" + type + "'; expected one of " + String.join(", ", NoticeType.ids())));
        }
        return problems;
    }

    /**
     * Checks the URL's form, and its address when that needs no DNS (an IP literal or localhost): a
     * name is checked again on every request, when it is resolved anyway.
     */
    private Optional<String> urlProblem(AddressPolicy policy) {
        if (url == null || url.isBlank()) {
            return Optional.of("missing url");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("'" + FieldError.excerpt(url) + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("'" + FieldError.excerpt(url) + "' is not an http(s) URL");
        }
        if (url.length() > 1000) {
            return Optional.of("url longer than 1000 characters");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean literal = host.startsWith("[") || IPV4_LITERAL.matcher(host).matches() || host.equals("localhost") || host.endsWith(".localhost");
        if (literal) {
            try {
                policy.check(host);
            } catch (OutboundException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** {@code PT30M}, {@code P1D}, or {@code 45s} / {@code 30m} / {@code 1h} / {@code 1d}. */
    public static Duration parseInterval(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("interval '" + FieldError.excerpt(value) + "' is not a duration such as 30m, 1h or PT30M");
        }
    }

    Duration intervalOr(Duration otherwise) {
        return interval == null ? otherwise : parseInterval(interval);
    }

    boolean publishOrDefault() {
        return publish != null && publish;
    }

    boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    /** Changes when the entry in the file changes; a start-up re-applies a file entry only then. */
    String hash() {
        return Sha256.hex(String.join("\n", String.valueOf(id), String.valueOf(authority), String.valueOf(url),
                String.valueOf(format), String.valueOf(interval), String.valueOf(type), String.valueOf(publish), String.valueOf(enabled)));
    }
}
