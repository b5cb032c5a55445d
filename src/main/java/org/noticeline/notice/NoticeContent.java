package org.noticeline.notice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a curator or a client says a notice is: the front matter fields plus the Markdown body.
 * Its canonical JSON is the revision snapshot, and its hash decides whether a write changes anything.
 * Lists are de-duplicated in order; a null inside one is kept so that {@link NoticeValidator} can name it.
 */
@JsonPropertyOrder(alphabetic = true)
public record NoticeContent(String slug, String title, String date, String type, String authority,
                            String jurisdiction, List<String> platforms, List<String> rules, String proceeding,
                            String language, String summary, List<String> sources, String body) {

    public NoticeContent {
        platforms = distinct(platforms);
        rules = distinct(rules);
        sources = distinct(sources);
        language = language == null || language.isBlank() ? "en" : language;
        body = body == null ? "" : body;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(values)));
    }

    /** The same content under another slug. */
    public NoticeContent withSlug(String newSlug) {
        return new NoticeContent(newSlug, title, date, type, authority, jurisdiction, platforms, rules, proceeding, language,
                summary, sources, body);
    }
}
