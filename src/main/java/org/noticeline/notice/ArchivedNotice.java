package org.noticeline.notice;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One line of an export: a notice with its whole history. Links are not exported: they follow from
 * the content (curated) and the linking engine (detected), and are recomputed on import.
 */
@JsonPropertyOrder({"slug", "status", "withdrawnReason", "origin", "sourceFile", "ingestedAt", "revisions", "documents"})
public record ArchivedNotice(String slug, String status, String withdrawnReason, String origin, String sourceFile,
                             Instant ingestedAt, List<Revision> revisions, List<Document> documents) {

    public ArchivedNotice {
        documents = documents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(documents));
    }

    /** The notice as it is exported: its whole history, oldest revision first, and its original documents. */
    public static ArchivedNotice of(Notice notice) {
        List<Revision> revisions = NoticeRevision.of(notice).stream()
                .sorted(Comparator.comparingInt(r -> r.number))
                .map(r -> new Revision(r.number, r.changedBy, r.changedAt, r.note, NoticeSnapshots.fromJson(r.snapshot)))
                .toList();
        List<Document> documents = StoredDocument.of(notice).stream()
                .map(d -> new Document(d.fileName, d.mediaType, d.sha256, d.pages, d.uploadedBy, d.uploadedAt, d.content))
                .toList();
        return new ArchivedNotice(notice.slug, notice.status.id(), notice.withdrawnReason, notice.origin.id(), notice.sourceFile,
                notice.ingestedAt, revisions, documents);
    }

    /** An original file behind the notice; {@code content} is base64 in the JSON. */
    @JsonPropertyOrder({"fileName", "mediaType", "sha256", "pages", "uploadedBy", "uploadedAt", "content"})
    public record Document(String fileName, String mediaType, String sha256, int pages, String uploadedBy, Instant uploadedAt,
                           byte[] content) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Document d && Objects.equals(fileName, d.fileName) && Objects.equals(mediaType, d.mediaType)
                    && Objects.equals(sha256, d.sha256) && pages == d.pages && Objects.equals(uploadedBy, d.uploadedBy)
                    && Objects.equals(uploadedAt, d.uploadedAt) && Arrays.equals(content, d.content);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(sha256);
        }
    }

    /** One version, oldest first in {@link #revisions}. */
    @JsonPropertyOrder({"number", "changedBy", "changedAt", "note", "content"})
    public record Revision(int number, String changedBy, Instant changedAt, String note, NoticeContent content) {
    }
}
