package org.noticeline.notice.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.noticeline.notice.NoticeView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One notice as every export writes it: the fields of an {@code /api/notices} item, with names resolved and its page. */
@Schema(description = "A notice in an export")
public record ExportedNotice(
        @Schema(description = "Stable identifier, also the last segment of the notice's page") String slug,
        @Schema(description = "The notice's page on this service") String url,
        @Schema(description = "Headline, in the notice's language") String title,
        @Schema(description = "Date of the act (YYYY-MM-DD), not of its publication here") LocalDate date,
        @Schema(description = "Kind of act: designation, request-for-information, fine, judgment, ...") String type,
        @Schema(description = "Catalog id of the authority that acted") String authority,
        @Schema(description = "The authority's name") String authorityName,
        @Schema(description = "Where the act applies: EU, UK, US, AU, a member state code, ...") String jurisdiction,
        @Schema(description = "Catalog ids of the platforms concerned") List<String> platforms,
        @Schema(description = "Rules cited, as INSTRUMENT:article keys (DSA:34) or instrument codes; curated and detected") List<String> rules,
        @Schema(description = "Catalog id of the proceeding the act belongs to, if any") String proceeding,
        @Schema(description = "Official sources (URLs)") List<String> sources,
        @Schema(description = "Short summary in our words") String summary,
        @Schema(description = "Language of title and body (BCP 47)") String language,
        @Schema(description = "published or withdrawn") String status,
        @Schema(description = "Revision number; every change makes a new one and keeps the old") int revision,
        @Schema(description = "When the notice last changed here") Instant updatedAt) {

    static ExportedNotice of(NoticeView n, String url, String authorityName) {
        return new ExportedNotice(n.slug(), url, n.title(), n.date(), n.type(), n.authority(), authorityName, n.jurisdiction(), n.platforms(),
                n.rules(), n.proceeding(), n.sources(), n.summary(), n.language(), n.status(), n.revision(), n.updatedAt());
    }
}
