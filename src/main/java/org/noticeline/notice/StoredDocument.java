package org.noticeline.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.noticeline.domain.FieldError;
import org.noticeline.hash.Sha256;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;

/** The original file a notice was made from, downloadable from its page. */
@Entity
@Table(name = "document")
public class StoredDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "notice_id")
    public Notice notice;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    public int pages;
    /** Loaded only when the file is downloaded, never with a page of notices. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    public byte[] content;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    /** The formats we read and serve; anything else (and anything with a line break) never reaches a response header. */
    public static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "text/html", "text/plain");
    public static final int MAX_FILE_NAME = 300;

    public static List<StoredDocument> of(Notice notice) {
        return list("notice = ?1 order by id", notice);
    }

    static List<FieldError> problems(String fileName, String mediaType) {
        List<FieldError> errors = new ArrayList<>();
        if (fileName == null || fileName.isBlank() || fileName.length() > MAX_FILE_NAME || fileName.indexOf('\0') >= 0) {
            errors.add(FieldError.of("file", "a document's file name is 1 to " + MAX_FILE_NAME + " characters"));
        }
        if (mediaType == null || !MEDIA_TYPES.contains(mediaType)) { // Set.of answers contains(null) with an exception
            errors.add(FieldError.of("mediaType", "a document is one of " + String.join(", ", MEDIA_TYPES.stream().sorted().toList())));
        }
        return errors;
    }

    static void attach(Notice notice, NoticeService.Attachment file, String uploadedBy) {
        store(notice, file.fileName(), file.mediaType(), file.content(), file.pages(), uploadedBy, Instant.now());
    }

    static void restore(Notice notice, ArchivedNotice.Document document) {
        store(notice, document.fileName(), document.mediaType(), document.content(), document.pages(), document.uploadedBy(), document.uploadedAt());
    }

    private static void store(Notice notice, String fileName, String mediaType, byte[] content, int pages, String uploadedBy, Instant uploadedAt) {
        StoredDocument row = new StoredDocument();
        row.notice = notice;
        row.fileName = fileName;
        row.mediaType = mediaType;
        row.sizeBytes = content.length;
        row.sha256 = Sha256.hex(content);
        row.pages = pages;
        row.content = content;
        row.uploadedBy = uploadedBy;
        row.uploadedAt = uploadedAt;
        row.persist();
    }
}
