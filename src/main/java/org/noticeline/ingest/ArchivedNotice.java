package org.noticeline.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.noticeline.notice.NoticeContent;

import java.time.Instant;
import java.util.List;

/**
 * One line of an export: a notice with its whole history. Links are not exported: they follow from
 * the content (curated) and the linking engine (detected), and are recomputed on import.
 */
@JsonPropertyOrder({"slug", "status", "withdrawnReason", "origin", "sourceFile", "ingestedAt", "revisions", "documents"})
public record ArchivedNotice(String slug, String status, String withdrawnReason, String origin, String sourceFile,
                             Instant ingestedAt, List<Revision> revisions, List<Document> documents) {

    public ArchivedNotice {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** An original file behind the notice; {@code content} is base64 in the JSON. */
    @JsonPropertyOrder({"fileName", "mediaType", "sha256", "pages", "uploadedBy", "uploadedAt", "content"})
    public record Document(String fileName, String mediaType, String sha256, int pages, String uploadedBy, Instant uploadedAt,
                           byte[] content) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Document d && fileName.equals(d.fileName) && mediaType.equals(d.mediaType) && sha256.equals(d.sha256)
                    && pages == d.pages && uploadedBy.equals(d.uploadedBy) && uploadedAt.equals(d.uploadedAt)
                    && java.util.Arrays.equals(content, d.content);
        }

        @Override
        public int hashCode() {
            return sha256.hashCode();
        }
    }

    /** One version, oldest first in {@link #revisions}. */
    @JsonPropertyOrder({"number", "changedBy", "changedAt", "note", "content"})
    public record Revision(int number, String changedBy, Instant changedAt, String note, NoticeContent content) {
    }
}
