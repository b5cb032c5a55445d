package org.noticeline.notice;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;
import org.noticeline.domain.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a notice against the catalog and the limits below, and reports every problem at once, never just
 * the first. The limits keep every value inside its column and every page bounded; they are in the README.
 */
public final class NoticeValidator {

    public static final int MAX_SLUG = 150;
    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 2_000;
    public static final int MAX_BODY = 200_000;
    public static final int MAX_PLATFORMS = 50;
    public static final int MAX_RULES = 200;
    public static final int MAX_SOURCES = 20;
    public static final int MAX_URL = 1_000;
    public static final int MAX_NESTING = 16;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2,3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private NoticeValidator() {
    }

    public static List<FieldError> validate(NoticeContent notice, Catalog catalog) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(notice.slug())) {
            errors.add(FieldError.of("slug", "missing slug"));
        } else if (notice.slug().length() > MAX_SLUG || !SLUG.matcher(notice.slug()).matches()) {
            errors.add(new FieldError("slug", notice.slug(), "slug must be lowercase letters, digits and single hyphens, at most " + MAX_SLUG + " characters"));
        }
        text(errors, "title", notice.title(), MAX_TITLE, true);
        if (blank(notice.date())) {
            errors.add(FieldError.of("date", "missing date"));
        } else if (NoticeDates.parse(notice.date()).isEmpty()) {
            errors.add(new FieldError("date", notice.date(), NoticeDates.problem(notice.date())));
        }
        if (blank(notice.type())) {
            errors.add(FieldError.of("type", "missing type"));
        } else if (NoticeType.fromId(notice.type()).isEmpty()) {
            errors.add(new FieldError("type", FieldError.excerpt(notice.type()), "unknown type '" + FieldError.excerpt(notice.type()) + "'; expected one of " + String.join(", ", NoticeType.ids())));
        }
        if (blank(notice.authority())) {
            errors.add(FieldError.of("authority", "missing authority"));
        } else if (catalog.authority(notice.authority()).isEmpty()) {
            errors.add(new FieldError("authority", FieldError.excerpt(notice.authority()), "unknown authority '" + FieldError.excerpt(notice.authority()) + "'"));
        }
        if (blank(notice.jurisdiction())) {
            errors.add(FieldError.of("jurisdiction", "missing jurisdiction"));
        } else if (!JURISDICTION.matcher(notice.jurisdiction()).matches()) {
            errors.add(new FieldError("jurisdiction", FieldError.excerpt(notice.jurisdiction()), "jurisdiction must be an upper-case code such as EU, UK, US, AU"));
        }
        if (list(errors, "platforms", notice.platforms(), MAX_PLATFORMS)) {
            for (String platform : notice.platforms()) {
                if (catalog.platform(platform).isEmpty()) {
                    errors.add(new FieldError("platforms", FieldError.excerpt(platform), "unknown platform '" + FieldError.excerpt(platform) + "'"));
                }
            }
        }
        if (list(errors, "rules", notice.rules(), MAX_RULES)) {
            for (String rule : notice.rules()) {
                if (RuleKey.parse(rule).isEmpty()) {
                    errors.add(new FieldError("rules", FieldError.excerpt(rule), "bad rule key '" + FieldError.excerpt(rule) + "': expected INSTRUMENT:PROVISION such as DSA:34"));
                } else if (!catalog.hasRule(rule)) {
                    errors.add(new FieldError("rules", FieldError.excerpt(rule), "unknown rule '" + FieldError.excerpt(rule) + "': the catalog has no such instrument or provision"));
                }
            }
        }
        if (!blank(notice.proceeding()) && catalog.proceeding(notice.proceeding()).isEmpty()) {
            errors.add(new FieldError("proceeding", FieldError.excerpt(notice.proceeding()), "unknown proceeding '" + FieldError.excerpt(notice.proceeding()) + "'"));
        }
        if (!LANGUAGE.matcher(notice.language()).matches()) {
            errors.add(new FieldError("language", FieldError.excerpt(notice.language()), "language must be a two-letter ISO 639-1 code"));
        }
        text(errors, "summary", notice.summary(), MAX_SUMMARY, false);
        if (notice.sources().isEmpty()) {
            errors.add(FieldError.of("sources", "at least one source URL is required"));
        } else if (list(errors, "sources", notice.sources(), MAX_SOURCES)) {
            for (String source : notice.sources()) {
                if (source.length() > MAX_URL || !isHttpUrl(source)) {
                    errors.add(new FieldError("sources", FieldError.excerpt(source), "source '" + FieldError.excerpt(source) + "' is not an http(s) URL of at most " + MAX_URL + " characters"));
                }
            }
        }
        if (text(errors, "body", notice.body(), MAX_BODY, false) && MarkdownNesting.deepest(notice.body()) > MAX_NESTING) {
            errors.add(FieldError.of("body", "body nests quotes or lists more than " + MAX_NESTING + " levels deep"));
        }
        return errors;
    }

    /**
     * A free-text field within {@code max} characters and without NUL, which PostgreSQL cannot store.
     * Reports into {@code errors}; true when the value is usable.
     */
    public static boolean text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "missing " + field));
            }
            return !required;
        }
        if (value.length() > max) {
            errors.add(FieldError.of(field, field + " is " + value.length() + " characters long; at most " + max + " are accepted"));
            return false;
        }
        if (value.indexOf('\0') >= 0) {
            errors.add(FieldError.of(field, field + " contains a NUL character"));
            return false;
        }
        if (hasLoneSurrogate(value)) {
            // Not text: UTF-8 cannot encode it, so an export would write '?' and the round trip would break.
            errors.add(FieldError.of(field, field + " contains an unpaired UTF-16 surrogate"));
            return false;
        }
        return true;
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A list within {@code max} entries and without nulls; true when its entries are worth checking one by one. */
    private static boolean list(List<FieldError> errors, String field, List<String> values, int max) {
        if (values.size() > max) {
            errors.add(FieldError.of(field, "at most " + max + " distinct " + field + " are accepted, not " + values.size()));
            return false;
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            errors.add(FieldError.of(field, field + " contains an empty or null entry"));
            return false;
        }
        return true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
