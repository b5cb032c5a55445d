package org.noticeline.ingest;

import org.noticeline.notice.NoticeContent;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** A notice as clients post it: the front matter fields plus {@code body}. A missing slug is made from the date and title. */
public record NoticeInput(String slug, String title, String date, String type, String authority, String jurisdiction,
                          List<String> platforms, List<String> rules, String proceeding, String language, String summary,
                          List<String> sources, String body) {

    public NoticeContent toContent(String slugFromPath) {
        String chosen = slugFromPath != null ? slugFromPath : slug != null && !slug.isBlank() ? slug : derivedSlug();
        return new NoticeContent(chosen, title, date, type, authority, jurisdiction, platforms, rules,
                blankToNull(proceeding), language, blankToNull(summary), sources, body);
    }

    private String derivedSlug() {
        if (title == null || date == null) {
            return null;
        }
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String words = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String slug = (date + "-" + words);
        return slug.length() > 120 ? slug.substring(0, 120).replaceAll("-$", "") : slug;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
