package org.noticeline.timeline;

import io.quarkus.qute.RawString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the notice page shows; {@code body} is sanitized HTML. */
public record NoticePageView(String slug, String title, LocalDate date, String type, String typeLabel, Ref authority,
                             String jurisdiction, String summary, RawString body, List<PlatformRow> platforms,
                             List<RuleRow> rules, Ref proceeding, List<TimelineItem> proceedingNotices, List<String> sources,
                             List<RevisionRow> revisions, String status, String withdrawnReason,
                             List<DocumentRow> documents) {

    /** An original file the notice was made from. */
    public record DocumentRow(String fileName, String href, String mediaType, long sizeBytes, int pages) {
    }

    public record PlatformRow(String id, String name, String href, String origin) {
    }

    public record RuleRow(String key, String label, String heading, String href, String officialLink, String origin, String citedText) {
    }

    public record RevisionRow(int number, String changedBy, Instant changedAt, String note) {
    }

    public boolean withdrawn() {
        return "withdrawn".equals(status);
    }

    public boolean draft() {
        return "draft".equals(status);
    }
}
