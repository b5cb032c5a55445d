package org.noticeline.notice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A notice in lists: the fields the API contract promises, never the entity. */
@Schema(description = "A notice in lists (the README's data dictionary has every field)")
public record NoticeView(
        @Schema(description = "Stable id; the notice's page is /notices/{slug}") String slug,
        @Schema(description = "Headline in the notice's language") String title,
        @Schema(description = "Date of the act itself, not of its publication here") LocalDate date,
        @Schema(description = "Kind of act: designation, request-for-information, fine, judgment, ...") String type,
        @Schema(description = "Catalog id of the authority that acted (/api/authorities)") String authority,
        @Schema(description = "Where the act applies: EU, UK, US, AU, a member-state code") String jurisdiction,
        @Schema(description = "Catalog ids of the platforms concerned, curated and detected") List<String> platforms,
        @Schema(description = "Rules cited as INSTRUMENT:provision keys (DSA:34), curated and detected") List<String> rules,
        @Schema(description = "Catalog id of the proceeding the act is a step of, or null") String proceeding,
        @Schema(description = "The official documents (URLs) the notice is written from") List<String> sources,
        @Schema(description = "A short summary in our words") String summary,
        @Schema(description = "Language of title and body (BCP 47)") String language,
        @Schema(description = "published or withdrawn (drafts only with an ingest token)") String status,
        @Schema(description = "Revision number, also the ETag; every change keeps the previous revision") int revision,
        @Schema(description = "When the notice last changed here") Instant updatedAt) {

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
