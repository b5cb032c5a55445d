package org.noticeline.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.noticeline.notice.NoticeContent;

import java.time.Instant;
import java.util.List;

/**
 * One line of an export: a notice with its whole history. Links are not exported: they follow from
 * the content (curated) and the linking engine (detected), and are recomputed on import.
 */
@JsonPropertyOrder({"slug", "status", "withdrawnReason", "origin", "sourceFile", "ingestedAt", "revisions"})
public record ArchivedNotice(String slug, String status, String withdrawnReason, String origin, String sourceFile,
                             Instant ingestedAt, List<Revision> revisions) {

    /** One version, oldest first in {@link #revisions}. */
    @JsonPropertyOrder({"number", "changedBy", "changedAt", "note", "content"})
    public record Revision(int number, String changedBy, Instant changedAt, String note, NoticeContent content) {
    }
}
