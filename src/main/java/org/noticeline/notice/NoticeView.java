package org.noticeline.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A notice in lists: the fields the API contract promises, never the entity. */
public record NoticeView(String slug, String title, LocalDate date, String type, String authority, String jurisdiction,
                         List<String> platforms, List<String> rules, String proceeding, List<String> sources,
                         String summary, String language, String status, int revision, Instant updatedAt) {

    public static NoticeView of(Notice n) {
        return new NoticeView(n.slug, n.title, n.date, n.type, n.authority.id, n.jurisdiction, n.platformIds(), n.ruleKeys(),
                n.proceeding == null ? null : n.proceeding.id, List.copyOf(n.sources), n.summary, n.language, n.status.id(),
                n.revision, n.updatedAt);
    }

    /** The same notice in another status (with revision and time unchanged): what an imported history passed through. */
    NoticeView withStatus(NoticeStatus other) {
        return new NoticeView(slug, title, date, type, authority, jurisdiction, platforms, rules, proceeding, sources, summary, language,
                other.id(), revision, updatedAt);
    }
}
