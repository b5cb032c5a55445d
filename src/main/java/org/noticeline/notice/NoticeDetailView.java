package org.noticeline.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One notice with its body, the origin of every link, and its revision history. */
public record NoticeDetailView(String slug, String title, LocalDate date, String type, String authority, String jurisdiction,
                               List<String> platforms, List<String> rules, String proceeding, List<String> sources,
                               String summary, String language, String status, String withdrawnReason, int revision,
                               Instant ingestedAt, Instant updatedAt, String body, Links links, List<RevisionView> revisions) {

    public record Links(List<RuleLinkView> rules, List<PlatformLinkView> platforms) {
    }

    public record RuleLinkView(String key, String instrument, String provision, String origin, String text, Integer start, Integer end) {
    }

    public record PlatformLinkView(String id, String origin, String text, Integer start, Integer end) {
    }

    public record RevisionView(int number, String changedBy, Instant changedAt, String note, String contentHash) {
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
