package org.noticeline.notice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One notice with its body, the origin of every link, and its revision history. */
public record NoticeDetailView(String slug, String title, LocalDate date, String type, String authority, String jurisdiction,
                               List<String> platforms, List<String> rules, String proceeding, List<String> sources,
                               String summary, String language, String status,
                               @Schema(description = "Why it was withdrawn; null unless withdrawn") String withdrawnReason, int revision,
                               @Schema(description = "When it first reached Noticeline") Instant ingestedAt, Instant updatedAt,
                               @Schema(description = "The text in Markdown, in our words") String body,
                               @Schema(description = "Each rule and platform link with where it came from") Links links,
                               @Schema(description = "Every revision, oldest first") List<RevisionView> revisions) {

    public record Links(List<RuleLinkView> rules, List<PlatformLinkView> platforms) {
    }

    public record RuleLinkView(@Schema(description = "INSTRUMENT:provision") String key, String instrument, String provision,
                               @Schema(description = "curated (front matter or API) or detected (found in the text by the linking engine)") String origin,
                               @Schema(description = "The words the engine read it from; null when curated") String text,
                               @Schema(description = "Offset of those words in the body (UTF-16 units)") Integer start,
                               @Schema(description = "Offset just after them") Integer end) {
    }

    public record PlatformLinkView(@Schema(description = "Catalog id of the platform") String id,
                                   @Schema(description = "curated or detected") String origin,
                                   @Schema(description = "The words the engine read it from; null when curated") String text,
                                   Integer start, Integer end) {
    }

    public record RevisionView(int number, @Schema(description = "The token or corpus file that made it") String changedBy, Instant changedAt,
                               String note, @Schema(description = "SHA-256 of the revision's canonical content") String contentHash) {
        static RevisionView of(NoticeRevision r) {
            return new RevisionView(r.number, r.changedBy, r.changedAt, r.note, r.contentHash);
        }
    }

    public static NoticeDetailView of(Notice n, List<NoticeRevision> revisions) {
        Links links = new Links(
                n.rules.stream().map(r -> new RuleLinkView(r.ruleKey, r.instrumentCode, r.provision, r.origin.id(), r.citedText, r.start, r.end)).toList(),
                n.platforms.stream().map(p -> new PlatformLinkView(p.platformId, p.origin.id(), p.citedText, p.start, p.end)).toList());
        return new NoticeDetailView(n.slug, n.title, n.date, n.type, n.authority.id, n.jurisdiction, n.platformIds(), n.ruleKeys(),
                n.proceeding == null ? null : n.proceeding.id, List.copyOf(n.sources), n.summary, n.language, n.status.id(),
                n.withdrawnReason, n.revision, n.ingestedAt, n.updatedAt, n.body, links,
                revisions.stream().map(RevisionView::of).toList());
    }
}
