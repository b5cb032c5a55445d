package org.noticeline.notice;

import org.noticeline.catalog.model.Catalog;
import org.noticeline.catalog.model.RuleKey;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a notice against the catalog and reports every problem at once, never just the first. */
public final class NoticeValidator {

    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 200_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2,3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private NoticeValidator() {
    }

    public static List<FieldError> validate(NoticeContent notice, Catalog catalog) {
        List<FieldError> errors = new ArrayList<>();
        if (notice.slug() == null || notice.slug().isBlank()) {
            errors.add(new FieldError("slug", null, "missing slug"));
        } else if (!SLUG.matcher(notice.slug()).matches() || notice.slug().length() > 150) {
            errors.add(new FieldError("slug", notice.slug(), "slug must be lowercase letters, digits and single hyphens, at most 150 characters"));
        }
        if (notice.title() == null || notice.title().isBlank()) {
            errors.add(new FieldError("title", null, "missing title"));
        } else if (notice.title().length() > MAX_TITLE) {
            errors.add(new FieldError("title", null, "title longer than " + MAX_TITLE + " characters"));
        }
        if (notice.date() == null || notice.date().isBlank()) {
            errors.add(new FieldError("date", null, "missing date"));
        } else {
            try {
                LocalDate.parse(notice.date());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("date", notice.date(), "bad date '" + notice.date() + "': expected YYYY-MM-DD"));
            }
        }
        if (notice.type() == null || notice.type().isBlank()) {
            errors.add(new FieldError("type", null, "missing type"));
        } else if (NoticeType.fromId(notice.type()).isEmpty()) {
            errors.add(new FieldError("type", notice.type(), "unknown type '" + notice.type() + "'; expected one of " + String.join(", ", NoticeType.ids())));
        }
        if (notice.authority() == null || notice.authority().isBlank()) {
            errors.add(new FieldError("authority", null, "missing authority"));
        } else if (catalog.authority(notice.authority()).isEmpty()) {
            errors.add(new FieldError("authority", notice.authority(), "unknown authority '" + notice.authority() + "'"));
        }
        if (notice.jurisdiction() == null || notice.jurisdiction().isBlank()) {
            errors.add(new FieldError("jurisdiction", null, "missing jurisdiction"));
        } else if (!JURISDICTION.matcher(notice.jurisdiction()).matches()) {
            errors.add(new FieldError("jurisdiction", notice.jurisdiction(), "jurisdiction must be an upper-case code such as EU, UK, US, AU"));
        }
        for (String platform : notice.platforms()) {
            if (catalog.platform(platform).isEmpty()) {
                errors.add(new FieldError("platforms", platform, "unknown platform '" + platform + "'"));
            }
        }
        for (String rule : notice.rules()) {
            if (RuleKey.parse(rule).isEmpty()) {
                errors.add(new FieldError("rules", rule, "bad rule key '" + rule + "': expected INSTRUMENT:PROVISION such as DSA:34"));
            } else if (!catalog.hasRule(rule)) {
                errors.add(new FieldError("rules", rule, "unknown rule '" + rule + "': the catalog has no such instrument or provision"));
            }
        }
        if (notice.proceeding() != null && !notice.proceeding().isBlank() && catalog.proceeding(notice.proceeding()).isEmpty()) {
            errors.add(new FieldError("proceeding", notice.proceeding(), "unknown proceeding '" + notice.proceeding() + "'"));
        }
        if (!LANGUAGE.matcher(notice.language()).matches()) {
            errors.add(new FieldError("language", notice.language(), "language must be a two-letter ISO 639-1 code"));
        }
        if (notice.sources().isEmpty()) {
            errors.add(new FieldError("sources", null, "at least one source URL is required"));
        }
        for (String source : notice.sources()) {
            if (!isHttpUrl(source)) {
                errors.add(new FieldError("sources", source, "source '" + source + "' is not an http(s) URL"));
            }
        }
        if (notice.body().length() > MAX_BODY) {
            errors.add(new FieldError("body", null, "body longer than " + MAX_BODY + " characters"));
        }
        return errors;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }
}
