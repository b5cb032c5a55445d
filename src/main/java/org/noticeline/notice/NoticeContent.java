package org.noticeline.notice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What a curator or a client says a notice is: the front matter fields plus the Markdown body.
 * Its canonical JSON is the revision snapshot, and its hash decides whether a write changes anything.
 */
@JsonPropertyOrder(alphabetic = true)
public record NoticeContent(String slug, String title, String date, String type, String authority,
                            String jurisdiction, List<String> platforms, List<String> rules, String proceeding,
                            String language, String summary, List<String> sources, String body) {

    public NoticeContent {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        rules = rules == null ? List.of() : List.copyOf(rules);
        sources = sources == null ? List.of() : List.copyOf(sources);
        language = language == null || language.isBlank() ? "en" : language;
        body = body == null ? "" : body;
    }
}
