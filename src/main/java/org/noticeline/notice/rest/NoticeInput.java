package org.noticeline.notice.rest;

import org.noticeline.notice.NoticeContent;
import org.noticeline.notice.Slugs;

import java.util.List;

/** A notice as clients post it: the front matter fields plus {@code body}. A missing slug is made from the date and title. */
public record NoticeInput(String slug, String title, String date, String type, String authority, String jurisdiction,
                          List<String> platforms, List<String> rules, String proceeding, String language, String summary,
                          List<String> sources, String body) {

    public NoticeContent toContent(String slugFromPath) {
        String chosen = slugFromPath != null ? slugFromPath : slug != null && !slug.isBlank() ? slug : Slugs.of(date, title);
        return new NoticeContent(chosen, title, date, type, authority, jurisdiction, platforms, rules,
                blankToNull(proceeding), language, blankToNull(summary), sources, body);
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
