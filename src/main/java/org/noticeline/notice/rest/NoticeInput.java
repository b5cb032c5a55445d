package org.noticeline.notice.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.NoticeValidator;
import org.noticeline.notice.Slugs;

import java.util.List;

/**
 * A notice as clients post it: the front matter fields plus {@code body}. A missing slug is made from the date and
 * title. The limits in the schema are {@link NoticeValidator}'s, which enforces them.
 */
public record NoticeInput(
        @Schema(maxLength = NoticeValidator.MAX_SLUG, pattern = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
        @Schema(required = true, maxLength = NoticeValidator.MAX_TITLE) String title,
        @Schema(required = true, format = "date", description = "from 1900-01-01 to 31 December ten years after the current year") String date,
        @Schema(required = true) String type,
        @Schema(required = true) String authority,
        @Schema(required = true, pattern = "[A-Z]{2,3}") String jurisdiction,
        @Schema(maxItems = NoticeValidator.MAX_PLATFORMS, description = "platform ids; duplicates count once") List<String> platforms,
        @Schema(maxItems = NoticeValidator.MAX_RULES, description = "rule keys such as DSA:34") List<String> rules,
        String proceeding,
        @Schema(pattern = "[a-z]{2}", defaultValue = "en") String language,
        @Schema(maxLength = NoticeValidator.MAX_SUMMARY) String summary,
        @Schema(required = true, minItems = 1, maxItems = NoticeValidator.MAX_SOURCES, description = "http(s) URLs of at most 1,000 characters") List<String> sources,
        @Schema(maxLength = NoticeValidator.MAX_BODY, description = "Markdown") String body) {

    public NoticeContent toContent(String slugFromPath) {
        String chosen = slugFromPath != null ? slugFromPath : slug != null && !slug.isBlank() ? slug : Slugs.of(date, title);
        return new NoticeContent(chosen, title, date, type, authority, jurisdiction, platforms, rules,
                blankToNull(proceeding), language, blankToNull(summary), sources, body);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
